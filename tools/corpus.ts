import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TOPICS, type TopicId } from '../src/shared/detect/types';
import { seedText } from './demo-server';
import { isExcluded, normalizeUrl } from './exclusions';

/**
 * One labelled text from a real public page: tests/fixtures/corpus/*.json (one item per file) and
 * tests/fixtures/corpus/v2-*.jsonl (one item per line).
 */
export interface CorpusItem {
  id: string;
  lang: 'en' | 'es';
  url: string;
  title: string;
  labels: TopicId[];
  hard: boolean;
  kind: string;
  voice?: string;
  reason: string;
  /** Title, a blank line, then the page's text: what the detector reads. */
  text: string;
  source?: string;
}

export const CORPUS_DIR = join(import.meta.dirname, '..', 'tests', 'fixtures', 'corpus');

export interface CorpusReport {
  items: CorpusItem[];
  /** Items dropped because their URL is on the evaluation-exclusion list. */
  excluded: string[];
  /** Items dropped because an earlier item has the same URL or the same text. */
  duplicates: string[];
  /** Lines or files that are not a valid item (file:line and why); nothing else is lost. */
  invalid: string[];
}

function check(raw: Record<string, unknown>): string | undefined {
  if (typeof raw.id !== 'string' || !raw.id) return 'no id';
  if (raw.lang !== 'en' && raw.lang !== 'es') return `lang ${String(raw.lang)}`;
  if (typeof raw.url !== 'string') return 'no url';
  if (!Array.isArray(raw.labels) || raw.labels.some((l) => !TOPICS.includes(l as TopicId))) return 'labels';
  if (typeof raw.seed !== 'string' && (typeof raw.text !== 'string' || !raw.text.trim())) return 'no text';
  return undefined;
}

/** The corpus with exclusions and duplicates dropped, and a report of what was dropped. */
/** `DETECT_CORPUS_DIR` reads a frozen copy instead (comparing settings while the corpus is still being collected). */
export function readCorpus(dir = process.env.DETECT_CORPUS_DIR ?? CORPUS_DIR): CorpusReport {
  const report: CorpusReport = { items: [], excluded: [], duplicates: [], invalid: [] };
  const seenUrl = new Set<string>();
  const seenText = new Set<string>();
  const add = (raw: Record<string, unknown>, where: string) => {
    const problem = check(raw);
    if (problem) return void report.invalid.push(`${where}: ${problem}`);
    const item = {
      ...raw,
      hard: raw.hard === true,
      kind: String(raw.kind ?? ''),
      reason: String(raw.reason ?? ''),
      title: String(raw.title ?? ''),
      text: raw.seed ? seedText(raw.seed as string) : `${raw.title ?? ''}\n\n${raw.text}`,
    } as CorpusItem;
    if (!item.url.startsWith('(seed)') && isExcluded(item.url)) return void report.excluded.push(item.id);
    const url = normalizeUrl(item.url);
    const text = createHash('sha1').update(item.text.replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex');
    if ((!item.url.startsWith('(seed)') && seenUrl.has(url)) || seenText.has(text)) return void report.duplicates.push(item.id);
    seenUrl.add(url);
    seenText.add(text);
    report.items.push(item);
  };
  const files = readdirSync(dir).sort();
  for (const f of files.filter((f) => f.endsWith('.json'))) {
    try {
      add(JSON.parse(readFileSync(join(dir, f), 'utf8')), f);
    } catch (error) {
      report.invalid.push(`${f}: ${(error as Error).message}`);
    }
  }
  for (const f of files.filter((f) => /^v2-.*\.jsonl$/.test(f))) {
    const lines = readFileSync(join(dir, f), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      try {
        add(JSON.parse(line), `${f}:${i + 1}`);
      } catch (error) {
        // A file still being written may end in half a line: reported, never guessed at.
        report.invalid.push(`${f}:${i + 1}: ${(error as Error).message}`);
      }
    });
  }
  return report;
}

export function loadCorpus(dir = CORPUS_DIR): CorpusItem[] {
  return readCorpus(dir).items;
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
