import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealedIds, stratum } from '../../../scripts/lib/detect-train';
import { bundledDetector } from '../../../src/shared/detect';
import { loadCorpus } from '../../../tools/corpus';

const corpus = loadCorpus();
const detector = bundledDetector();

describe('labelled corpus of real pages', () => {
  it('is big and varied enough to mean something, and every item says why it has its labels', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(400);
    expect(corpus.filter((c) => c.lang === 'es').length).toBeGreaterThanOrEqual(150);
    expect(corpus.filter((c) => c.hard && !c.labels.length).length).toBeGreaterThanOrEqual(100);
    for (const c of corpus) {
      expect(c.url, c.id).toMatch(/^https?:\/\/|^\(seed\)/);
      expect(c.reason.length, c.id).toBeGreaterThan(5);
    }
  });

  it('keeps a sealed test split of about 30%, in every stratum, that training never sees', () => {
    const sealed = sealedIds(corpus);
    expect(sealed.size / corpus.length).toBeGreaterThanOrEqual(0.25);
    expect(sealed.size / corpus.length).toBeLessThanOrEqual(0.35);
    const strata = new Map<string, string[]>();
    for (const item of corpus) strata.set(stratum(item), [...(strata.get(stratum(item)) ?? []), item.id]);
    for (const [key, ids] of strata) {
      if (ids.length < 20) continue;
      const share = ids.filter((id) => sealed.has(id)).length / ids.length;
      expect(share, key).toBeGreaterThan(0.1);
      expect(share, key).toBeLessThan(0.5);
    }
    // A page's side never depends on the other pages (the split is stable as the corpus grows).
    expect([...sealedIds(corpus.slice(0, 100))]).toEqual([...sealed].filter((id) => corpus.slice(0, 100).some((c) => c.id === id)));
  });

  it('ships the model `npm run train:detect` makes from this corpus, byte for byte', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sc-train-')), 'model-data.ts');
    const run = spawnSync('npx', ['tsx', 'scripts/train-detect.ts', '--out', out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync('src/shared/detect/model-data.ts', 'utf8'));
  }, 120_000);

  it.each([
    ['seed-000', ['overdose', 'tough_love', 'treatment']],
    ['seed-001', ['overdose']],
    ['seed-002', ['tough_love', 'treatment']],
    ['seed-003', ['overdose', 'tough_love']],
    ['seed-004', ['tough_love', 'treatment']],
  ])('%s shows exactly the brief’s topics', (id, topics) => {
    const item = corpus.find((c) => c.id === id)!;
    expect([...detector.detect(item.text).topics].sort()).toEqual(topics);
  });
});
