import { describe, expect, it } from 'vitest';
import { bundledDetector, TOPICS } from '../../../src/shared/detect';
import { evaluate, loadCorpus } from '../../../tools/corpus';

const corpus = loadCorpus();
const detector = bundledDetector();
const predicted = corpus.map((item) => ({ item, detection: detector.detect(item.text) }));

describe('labelled corpus of real pages', () => {
  it('is big and hard enough to mean something', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(155);
    expect(corpus.filter((c) => c.hard).length).toBeGreaterThanOrEqual(corpus.length / 2);
    expect(corpus.filter((c) => c.lang === 'es').length).toBeGreaterThanOrEqual(30);
    for (const c of corpus) {
      expect(c.url, c.id).toMatch(/^https?:\/\/|^\(seed\)/);
      expect(c.reason.length, c.id).toBeGreaterThan(10);
      if (c.hard) expect(c.labels, c.id).toEqual([]);
    }
  });

  const metrics = evaluate(predicted.map((p) => ({ labels: p.item.labels, predicted: p.detection.topics })));
  it.each(TOPICS)('%s: precision >= 0.95 and recall >= 0.90', (topic) => {
    expect(metrics[topic].precision).toBeGreaterThanOrEqual(0.95);
    expect(metrics[topic].recall).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['seed-000', ['overdose', 'tough_love', 'treatment']],
    ['seed-001', ['overdose']],
    ['seed-002', ['tough_love', 'treatment']],
    ['seed-003', ['overdose', 'tough_love']],
    ['seed-004', ['tough_love', 'treatment']],
  ])('%s shows exactly the brief’s topics', (id, topics) => {
    const hit = predicted.find((p) => p.item.id === id)!;
    expect([...hit.detection.topics].sort()).toEqual(topics);
  });
});
