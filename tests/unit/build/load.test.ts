import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContentData } from '../../../build/load';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** A copy of content-data/ with one file changed. */
function brokenCopy(file: string, edit: (data: any) => unknown): string {
  dir = mkdtempSync(join(tmpdir(), 'content-data-'));
  const root = join(dir, 'content-data');
  cpSync('content-data', root, { recursive: true });
  const path = join(root, file);
  const data = JSON.parse(readFileSync(path, 'utf8'));
  writeFileSync(path, typeof edit(data) === 'string' ? (edit(data) as string) : JSON.stringify(data));
  return root;
}

describe('content-data validation', () => {
  it('loads the real content-data with a stable content-hash version', () => {
    const a = loadContentData('content-data');
    expect(a.helplines.length).toBeGreaterThan(10);
    expect(a.helplines.every((h) => /^\+?\d+$/.test(h.dial))).toBe(true);
    expect(a.version).toMatch(/^[0-9a-f]{16}$/);
    expect(loadContentData('content-data').version).toBe(a.version);
  });

  it('names the file, the record and the field of a bad helpline', () => {
    const root = brokenCopy('helplines/helplines.json', (d) => {
      d.entries[1].country = 'Narnia';
    });
    expect(() => loadContentData(root)).toThrow(
      /content-data\/helplines\/helplines\.json: record 1 \("SAMHSA National Helpline[^"]*"\): field country:/,
    );
  });

  it('names a bad ZIP point', () => {
    const root = brokenCopy('zip-points/zip-points.json', (d) => {
      d.points[2].lat = 123;
    });
    expect(() => loadContentData(root)).toThrow(/zip-points\.json: record 2 \("\d{5}"\): field lat:/);
  });

  it('reports a file that is not JSON', () => {
    const root = brokenCopy('helplines/helplines.json', () => '{ "entries": [');
    expect(() => loadContentData(root)).toThrow(/helplines\.json: not valid JSON/);
  });
});
