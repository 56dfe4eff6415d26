/**
 * What the extension costs a web page, the way the reader pays it: the same page loaded alternately
 * in Chromium with the built extension and with an extension whose content script does nothing
 * (tests/fixtures/empty-extension), and the difference. Adapted from the project's shared
 * `tools/page-cost/page-cost.cjs`. A side-by-side difference sees everything the extension causes,
 * including idle callbacks, which Chrome's timeline does not label with the extension's URL.
 */
import type { BrowserContext } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeWelcome, launchWithExtension } from './launch';

export const BASELINE_EXTENSION = resolve(import.meta.dirname, '..', 'tests', 'fixtures', 'empty-extension');

export interface PageLoadCost {
  /** Main-thread task time of the page (CDP Performance.TaskDuration), ms. */
  taskMs: number;
  /**
   * CPU (thread) time of every task on the page's main thread, from a Chrome trace: unlike wall
   * time, not inflated while other processes hold the CPU, so it holds on a shared machine.
   */
  cpuMs: number;
  /** The largest CPU time of one main-thread task. */
  maxTaskCpuMs: number;
  /** Longest task the page saw (PerformanceObserver 'longtask', over 50 ms), 0 when none. */
  maxLongTaskMs: number;
  /** Sum of long-task time. */
  longTaskMs: number;
  /** Elements with a hyphenated tag (custom elements, like our notice) in the page. */
  customElements: number;
}

export interface SideBySide {
  runs: number;
  task_ms_with: number;
  task_ms_baseline: number;
  /** Median with minus median baseline: the extension's added main-thread time. */
  task_ms_added: number;
  /** Medians of main-thread CPU time (trace thread time), with, baseline and added. */
  cpu_ms_with: number;
  cpu_ms_baseline: number;
  cpu_ms_added: number;
  /** Largest single-task CPU time seen in any run, with and baseline. */
  max_task_cpu_ms_with: number;
  max_task_cpu_ms_baseline: number;
  max_longtask_ms_with: number;
  max_longtask_ms_baseline: number;
  /** Median of per-run long-task time, with minus baseline. */
  longtask_ms_added: number;
  notice: boolean;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};
const r1 = (n: number) => Math.round(n * 10) / 10;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { frames?: { url?: string; processId?: number }[] } };
}

/** CPU time of the tasks on the main thread of the renderer that shows `url`. */
function mainThreadCpu(events: TraceEvent[], url: string): { cpuMs: number; maxTaskCpuMs: number } {
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const pids = new Set((started?.args?.data?.frames ?? []).filter((f) => f.url === url && f.processId).map((f) => f.processId!));
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (!pids.size || pids.has(e.pid))).map((e) => `${e.pid}:${e.tid}`));
  let total = 0;
  let max = 0;
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || !mains.has(`${e.pid}:${e.tid}`)) continue;
    const cpu = (e.tdur ?? e.dur ?? 0) / 1000;
    total += cpu;
    max = Math.max(max, cpu);
  }
  return { cpuMs: total, maxTaskCpuMs: max };
}

/** Load `url` once in `context` and read what it cost the page. */
export async function loadCost(context: BrowserContext, url: string, settleMs = 2000): Promise<PageLoadCost> {
  const page = await context.newPage();
  try {
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      try {
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        // no long-task API: reported as none
      }
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
    await page.waitForTimeout(settleMs);
    const done = new Promise((resolveDone) => cdp.once('Tracing.tracingComplete', resolveDone));
    await cdp.send('Tracing.end');
    await done;
    const cpu = mainThreadCpu(events, url);
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    const customElements = await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.localName.includes('-')).length);
    await cdp.detach().catch(() => undefined);
    return {
      taskMs: metrics.TaskDuration * 1000,
      ...cpu,
      maxLongTaskMs: Math.max(0, ...longTasks),
      longTaskMs: longTasks.reduce((s, d) => s + d, 0),
      customElements,
    };
  } finally {
    await page.close();
  }
}

/** Median of `runs` alternating loads with and without the extension (after one warm-up each). */
export async function sideBySide(withExt: BrowserContext, baseline: BrowserContext, url: string, runs = 5, settleMs = 2000): Promise<SideBySide> {
  await loadCost(withExt, url, settleMs);
  await loadCost(baseline, url, settleMs);
  const a: PageLoadCost[] = [];
  const b: PageLoadCost[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(await loadCost(withExt, url, settleMs));
    b.push(await loadCost(baseline, url, settleMs));
  }
  const ta = median(a.map((x) => x.taskMs));
  const tb = median(b.map((x) => x.taskMs));
  return {
    runs,
    task_ms_with: r1(ta),
    task_ms_baseline: r1(tb),
    task_ms_added: r1(ta - tb),
    cpu_ms_with: r1(median(a.map((x) => x.cpuMs))),
    cpu_ms_baseline: r1(median(b.map((x) => x.cpuMs))),
    cpu_ms_added: r1(median(a.map((x) => x.cpuMs)) - median(b.map((x) => x.cpuMs))),
    max_task_cpu_ms_with: r1(Math.max(...a.map((x) => x.maxTaskCpuMs))),
    max_task_cpu_ms_baseline: r1(Math.max(...b.map((x) => x.maxTaskCpuMs))),
    max_longtask_ms_with: r1(Math.max(...a.map((x) => x.maxLongTaskMs))),
    max_longtask_ms_baseline: r1(Math.max(...b.map((x) => x.maxLongTaskMs))),
    longtask_ms_added: r1(median(a.map((x) => x.longTaskMs)) - median(b.map((x) => x.longTaskMs))),
    notice: median(a.map((x) => x.customElements)) > median(b.map((x) => x.customElements)),
  };
}

/** Two Chromiums: one with the built extension, one with the empty baseline extension. */
export async function withAndBaseline<T>(fn: (withExt: BrowserContext, baseline: BrowserContext) => Promise<T>): Promise<T> {
  const dirs = [mkdtempSync(join(tmpdir(), 'sc-cost-with-')), mkdtempSync(join(tmpdir(), 'sc-cost-base-'))];
  const withExt = await launchWithExtension(dirs[0]);
  const baseline = await launchWithExtension(dirs[1], { extension: BASELINE_EXTENSION });
  try {
    for (const c of [withExt, baseline]) if (!c.serviceWorkers().length) await c.waitForEvent('serviceworker', { timeout: 15_000 }).catch(() => undefined);
    // Measured where a reader starts on any later day: the first-run welcome page closed.
    await closeWelcome(withExt).catch(() => undefined); // builds before the welcome page have none
    return await fn(withExt, baseline);
  } finally {
    await withExt.close();
    await baseline.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
