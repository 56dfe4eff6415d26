import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A URL as the exclusion list hashes it (see tests/fixtures/evaluation-exclusions/PROVENANCE.md). */
export function normalizeUrl(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .split('#')[0]
    .split('?')[0]
    .replace(/\/+$/, '');
}

export const urlHash = (url: string) => createHash('sha256').update(normalizeUrl(url)).digest('hex');

let excluded: Set<string> | undefined;

/** Hashes of pages used to evaluate the detector from outside the repo: never in the corpus. */
export function excludedHashes(): Set<string> {
  excluded ??= new Set(
    readFileSync(join(import.meta.dirname, '..', 'tests', 'fixtures', 'evaluation-exclusions', 'url-sha256.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
  return excluded;
}

export const isExcluded = (url: string) => excludedHashes().has(urlHash(url));
