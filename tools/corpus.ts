import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TOPICS, type TopicId } from '../src/shared/detect/types';
import { seedText } from './demo-server';

/** One labelled text from a real public page (tests/fixtures/corpus/*.json). */
export interface CorpusItem {
  id: string;
  lang: 'en' | 'es';
  url: string;
  title: string;
  labels: TopicId[];
  hard: boolean;
  kind: string;
  reason: string;
  text: string;
}

const DIR = join(import.meta.dirname, '..', 'tests', 'fixtures', 'corpus');

export function loadCorpus(): CorpusItem[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const raw = JSON.parse(readFileSync(join(DIR, f), 'utf8'));
      return { ...raw, text: raw.seed ? seedText(raw.seed) : `${raw.title}\n\n${raw.text}` } as CorpusItem;
    });
}

export interface TopicMetrics {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Per-topic precision, recall and F1 of predicted labels against the corpus labels. */
export function evaluate(items: { labels: TopicId[]; predicted: TopicId[] }[]): Record<TopicId, TopicMetrics> {
  const out = {} as Record<TopicId, TopicMetrics>;
  for (const topic of TOPICS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const item of items) {
      const expected = item.labels.includes(topic);
      const got = item.predicted.includes(topic);
      if (expected && got) tp++;
      else if (got) fp++;
      else if (expected) fn++;
    }
    const precision = tp + fp ? tp / (tp + fp) : 1;
    const recall = tp + fn ? tp / (tp + fn) : 1;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    out[topic] = { tp, fp, fn, precision, recall, f1 };
  }
  return out;
}
