/**
 * `npm run bench` — speed and size figures, as ratios measured in one run (medians).
 * `npm run --silent bench -- --json` prints one JSON object. Add `--no-browser` to skip Chromium.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundledDetector } from '../src/shared/detect';
import { seedText, SEED_IDS } from '../tools/demo-server';
import { measureExtensionPages, measureInChromium, measureWorkerMemory, type PageCostRow } from './lib/browser-bench';
import { loadContentData } from '../build/load';
import { nearestPlaces } from '../src/data/resources/nearby';
import type { ResourceRow } from '../src/data/resources/schema';
import type { Snippet } from '../src/data/snippets/schema';
import { filterSnippets } from '../src/shared/snippets/search';

const json = process.argv.includes('--json');
const log = (...args: unknown[]) => !json && console.log(...args);
const OUT = '.output/chrome-mv3';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function fileSize(path: string) {
  const bytes = readFileSync(path);
  return { bytes: bytes.length, gzip: gzipSync(bytes).length };
}

/** JS an extension page loads: its module script and the chunks it preloads/imports. */
function pageScripts(html: string): string[] {
  const src = readFileSync(join(OUT, html), 'utf8');
  return [...src.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
}

function sizes() {
  if (!existsSync(join(OUT, 'manifest.json'))) throw new Error('build first: npx wxt build');
  const entry = (files: string[]) => {
    const parts = files.map((f) => fileSize(join(OUT, f)));
    return { bytes: parts.reduce((s, p) => s + p.bytes, 0), gzip: parts.reduce((s, p) => s + p.gzip, 0), files };
  };
  return {
    background: entry(['background.js']),
    content: entry(['content-scripts/content.js']),
    popup: entry(pageScripts('popup.html')),
    sidepanel: entry(pageScripts('sidepanel.html')),
    options: entry(pageScripts('options.html')),
    referenceData: { bytes: statSync(join(OUT, 'data/reference.json')).size },
  };
}

/** Text of a given size: the seeds interleaved with neutral prose, like a long mixed page. */
function sampleText(bytes: number): string {
  const seeds = SEED_IDS.map(seedText).join('\n');
  const neutral = 'The council met on Tuesday to discuss the new bike lanes, the library hours and the budget for the summer festival. ';
  let text = '';
  while (text.length < bytes) text += seeds.slice(0, 2000) + neutral.repeat(20);
  return text.slice(0, bytes);
}

function detectorRatios() {
  const detector = bundledDetector();
  const rows: Record<string, { bytes: number; detectMs: number; lowerMs: number; ratio: number }> = {};
  for (const [label, bytes] of [['1KB', 1e3], ['100KB', 1e5], ['1MB', 1e6], ['10MB', 1e7]] as const) {
    const text = sampleText(bytes);
    const runs = bytes >= 1e7 ? 7 : bytes >= 1e6 ? 15 : 51;
    // Tiny inputs are timed in batches so the clock's resolution does not dominate.
    const batch = Math.max(1, Math.round(2e5 / bytes));
    const time = (fn: () => unknown) => {
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        for (let j = 0; j < batch; j++) fn();
        samples.push((performance.now() - start) / batch);
      }
      return median(samples);
    };
    detector.detect(text); // warm up
    const lowerMs = time(() => text.toLowerCase());
    const detectMs = time(() => detector.detect(text));
    rows[label] = { bytes, detectMs: round(detectMs), lowerMs: round(lowerMs), ratio: round(detectMs / lowerMs) };
  }
  return rows;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Nearest-10 over the full directory for 100 random ZIPs (the extension's grid search, rows in memory). */
async function nearestQuery() {
  const data = loadContentData('content-data');
  const byCell = new Map<string, ResourceRow[]>();
  for (const row of data.resources) byCell.set(row.cell, [...(byCell.get(row.cell) ?? []), row]);
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const origin = data.zipPoints[Math.floor(random() * data.zipPoints.length)];
    const start = performance.now();
    await nearestPlaces(origin, 'all', 10, async (cells) => cells.flatMap((c) => byCell.get(c) ?? []));
    times.push(performance.now() - start);
  }
  const sorted = times.sort((a, b) => a - b);
  return { queries: 100, rows: data.resources.length, medianMs: round(sorted[50]), p95Ms: round(sorted[95]), seedRows: data.resources.length + data.zipPoints.length };
}

/** Library search over 10,000 snippets (the library filters in memory on each keystroke). */
function snippetSearch() {
  const words = SEED_IDS.map(seedText).join(' ').split(/\s+/).filter((w) => w.length > 3);
  const snippets: Snippet[] = Array.from({ length: 10_000 }, (_, i) => ({
    id: i + 1,
    quote: words.slice((i * 7) % (words.length - 40), ((i * 7) % (words.length - 40)) + 30).join(' '),
    prefix: '',
    suffix: '',
    position: { start: 0, end: 10 },
    url: `https://site${i % 50}.example/page/${i}`,
    title: `Page ${i}`,
    site: `site${i % 50}.example`,
    savedAt: 1_700_000_000_000 + i * 60_000,
    topics: ['overdose'],
    claims: [],
    cardIds: [],
    note: i % 3 ? '' : 'for the family meeting',
    tags: i % 5 ? [] : ['family'],
  }));
  const queries = ['naloxone', 'tough love', 'treatment family', 'fentanyl son', 'meeting', 'zzzz'];
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const start = performance.now();
    filterSnippets(snippets, { query: queries[i % queries.length], ...(i % 4 === 0 ? { tag: 'family' } : {}) });
    times.push(performance.now() - start);
  }
  return { snippets: snippets.length, medianMs: round(median(times)), p95Ms: round([...times].sort((a, b) => a - b)[57]) };
}

const nearest = await nearestQuery();
const result: Record<string, unknown> = { sizes: sizes(), detector: detectorRatios(), nearest, snippetSearch: snippetSearch() };
if (!process.argv.includes('--no-browser')) {
  result.chromium = await measureInChromium();
  result.extensionPages = await measureExtensionPages(nearest.seedRows);
  result.workerMemory = await measureWorkerMemory();
}

if (json) console.log(JSON.stringify(result));
else {
  log('Sizes (bytes, gzip):');
  for (const [name, s] of Object.entries(result.sizes as Record<string, { bytes: number; gzip?: number }>)) log(`  ${name.padEnd(14)} ${String(s.bytes).padStart(9)} ${s.gzip ?? ''}`);
  log('\nDetector time / one toLowerCase() pass (medians, same run):');
  for (const [label, r] of Object.entries(result.detector as Record<string, { detectMs: number; lowerMs: number; ratio: number }>)) {
    log(`  ${label.padEnd(6)} detect ${r.detectMs.toFixed(3)} ms, toLowerCase ${r.lowerMs.toFixed(3)} ms, ratio ${r.ratio}`);
  }
  log('\nNearest-10 query:', JSON.stringify(result.nearest));
  log('Snippet search (10,000):', JSON.stringify(result.snippetSearch));
  if (result.chromium) {
    log('\nIn Chromium, against the empty-content-script baseline (medians of 5 alternating runs, ms):');
    log('  page                       CPU with  baseline   added  budget  longest task CPU with/base  (wall: added, long task with/base)  notice  ok');
    for (const [name, r] of Object.entries(result.chromium as Record<string, PageCostRow>)) {
      log(`  ${name.padEnd(26)} ${String(r.cpu_ms_with).padStart(8)} ${String(r.cpu_ms_baseline).padStart(9)} ${String(r.cpu_ms_added).padStart(7)} ${String(r.budget_ms).padStart(7)}  ${`${r.max_task_cpu_ms_with} / ${r.max_task_cpu_ms_baseline}`.padStart(26)}  (${r.task_ms_added}, ${r.max_longtask_ms_with} / ${r.max_longtask_ms_baseline})  ${String(r.notice).padStart(6)}  ${r.within ? 'yes' : 'NO'}`);
    }
  }
  if (result.extensionPages) log('\nSeeding and popup (Chromium):\n', JSON.stringify(result.extensionPages, null, 2));
  if (result.workerMemory) {
    log('\nService worker JS heap after GC (MB used / total):');
    for (const [when, heap] of Object.entries(result.workerMemory as Record<string, { usedMB: number; totalMB: number }>)) log(`  ${when.padEnd(18)} ${heap.usedMB} / ${heap.totalMB}`);
  }
}
