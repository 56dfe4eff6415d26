import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
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

  it('gives every file exactly one complete JSON line through a pipe, as `npm run --silent detect -- FILES | ...`', () => {
    // npm leaves the pipe non-blocking, so writes still queued when the CLI exits were lost (36-93
    // of 117 results). Three runs of 117 files, read by a consumer that starts late.
    const files = readdirSync('tests/fixtures/corpus').filter((f) => f.endsWith('.json')).slice(0, 117).map((f) => `tests/fixtures/corpus/${f}`);
    const script = `for i in 1 2 3; do npm run --silent detect -- ${files.join(' ')} | (sleep 0.5; cat); done`;
    const result = spawnSync('sh', ['-c', script], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines.map((l) => JSON.parse(l).file)).toEqual([...files, ...files, ...files]);
  }, 120_000);

  it('reports a missing file as an error line and exits non-zero', () => {
    const result = cli('no/such/file.txt');
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ file: 'no/such/file.txt', error: expect.stringContaining('ENOENT') });
  }, 30_000);
});
