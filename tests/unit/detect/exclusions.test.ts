import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, readCorpus } from '../../../tools/corpus';
import { excludedHashes, isExcluded, normalizeUrl, urlHash } from '../../../tools/exclusions';

describe('pages kept out of the detection corpus (evaluation exclusions)', () => {
  it('normalises URLs as the list does', () => {
    expect(normalizeUrl('  HTTPS://www.Example.org/a/b/?x=1#top ')).toBe('example.org/a/b');
    expect(normalizeUrl('http://example.org/a#x?y')).toBe('example.org/a');
    expect(urlHash('https://example.org/')).toBe(urlHash('example.org'));
    expect(excludedHashes().size).toBeGreaterThan(700);
  });

  it('no corpus file (one item per file) is on the list', () => {
    const listed = readdirSync(CORPUS_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(CORPUS_DIR, f), 'utf8')) as { id: string; url: string })
      .filter((item) => isExcluded(item.url))
      .map((item) => item.id);
    expect(listed).toEqual([]);
  });

  it('listed items of the collected JSON Lines files never reach training or evaluation', () => {
    const { items, excluded } = readCorpus();
    expect(items.filter((item) => isExcluded(item.url)).map((i) => i.id)).toEqual([]);
    // The filter does drop listed items (the list's own hashes are of real corpus pages).
    console.log(`corpus: ${items.length} items, ${excluded.length} listed items dropped`);
  });
});
