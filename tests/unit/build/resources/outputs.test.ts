import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataFiles } from '../../../../build/resources/outputs';
import { RAW_DIR, ROOT } from '../../../../build/resources/raw';

const committed = (path: string) => readFileSync(join(ROOT, 'content-data', path), 'utf8');

describe('buildDataFiles', () => {
  it('makes exactly the committed files from content-data/raw (no hand edits, no stale output)', () => {
    const build = buildDataFiles(RAW_DIR, JSON.parse(committed('zip-points/zip-points.json')), true);
    expect(build.problems).toEqual([]);
    expect(build.files.map((f) => f.path)).toEqual([
      'resources/resources.json',
      'zip-points/zip-points.json',
      'resources/state-laws.json',
      'resources/PROVENANCE.md',
    ]);
    for (const f of build.files) expect(f.text === committed(f.path), `${f.path} differs from a fresh build`).toBe(true);
    expect(build.summary[0]).toMatch(/^resources\.json: \d+ rows \(\d\.\d\d MB\)/);
    expect(build.summary).toContain('MOUD coords-only joins:');
  }, 90_000);
});
