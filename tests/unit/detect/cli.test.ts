import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const cli = (...files: string[]) =>
  spawnSync('npx', ['tsx', 'scripts/detect-cli.ts', ...files], { encoding: 'utf8' });

describe('detect CLI for content editors', () => {
  it('prints one JSON object per file with the documented fields', () => {
    const result = cli('tests/fixtures/seeds/002_161d05ee81f72716.txt', 'tests/fixtures/pages/nav-noise.html');
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0])).toEqual(['file', 'topics', 'scores', 'claims', 'matches']);
    expect(lines[0].topics.sort()).toEqual(['tough_love', 'treatment']);
    expect(lines[0].matches[0]).toMatchObject({ start: expect.any(Number), end: expect.any(Number), phrase: expect.any(String) });
    // HTML goes through the content script's extraction: navigation and hidden text do not count.
    expect(lines[1]).toMatchObject({ file: 'tests/fixtures/pages/nav-noise.html', topics: [] });
  }, 30_000);

  it('reports a missing file as an error line and exits non-zero', () => {
    const result = cli('no/such/file.txt');
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ file: 'no/such/file.txt', error: expect.stringContaining('ENOENT') });
  }, 30_000);
});
