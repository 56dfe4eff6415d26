/**
 * The extension's cost on a web page's main thread, from a Chrome trace: used by `npm run bench`
 * and the stress tests, so both measure the same thing the same way.
 */
import type { BrowserContext, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: unlike `dur`, not inflated when the machine is busy with other work. */
  tdur?: number;
  tid: number;
  pid?: number;
  args?: { data?: { url?: string; scriptName?: string; functionName?: string } };
}

export interface PageCost {
  /** Main-thread CPU milliseconds spent in the extension's scripts (content script and page tool). */
  extensionMs: number;
  /** The most extension CPU time inside one task (a task over 50 ms would be jank). */
  maxTaskMs: number;
  /** How many of the page's tasks ran extension code. */
  tasks: number;
  /** The longest extension event, for a failure message: name, function, CPU ms. */
  longest?: string;
}

/** Script entry points Chrome's timeline records with the script's URL. */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.callFunction', 'TimerFire', 'FireIdleCallback']);

/** Reduce raw trace events to the extension's cost: outermost extension events, summed per task. */
export function extensionCost(events: TraceEvent[]): PageCost {
  const url = (e: TraceEvent) => e.args?.data?.url ?? e.args?.data?.scriptName ?? '';
  // Only web pages' renderers (where our content script or page tool ran): the browser-wide trace
  // also holds the extension's own pages (side panel, library), whose work never blocks a web page.
  const pagePids = new Set(events.filter((e) => /^chrome-extension:\/\/[^/]+\/(content-scripts\/|page-tool\.js)/.test(url(e))).map((e) => e.pid));
  const ours = (e: TraceEvent) => url(e).startsWith('chrome-extension://') && pagePids.has(e.pid);
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const script = complete.filter((e) => SCRIPT_EVENTS.has(e.name) && ours(e));
  // Tasks per thread, sorted, to find each event's task by binary search (a minute of a busy page
  // has hundreds of thousands of tasks).
  const tasksByThread = new Map<number, TraceEvent[]>();
  for (const e of complete) if (e.name === 'RunTask') (tasksByThread.get(e.tid) ?? tasksByThread.set(e.tid, []).get(e.tid)!).push(e);
  for (const list of tasksByThread.values()) list.sort((a, b) => a.ts - b.ts);
  const taskOf = (e: TraceEvent) => {
    const list = tasksByThread.get(e.tid) ?? [];
    let lo = 0;
    let hi = list.length - 1;
    let found: TraceEvent | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].ts <= e.ts) {
        found = list[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && found.ts + found.dur! >= e.ts + e.dur! ? found : undefined;
  };
  // Count only outermost extension events (a timer callback contains function calls).
  const byStart = [...script].sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const outer: TraceEvent[] = [];
  const openEnd = new Map<number, number>();
  for (const e of byStart) {
    if ((openEnd.get(e.tid) ?? -1) >= e.ts + e.dur!) continue;
    outer.push(e);
    openEnd.set(e.tid, e.ts + e.dur!);
  }
  // CPU time of each event (thread time; wall time only if Chrome did not record it): other
  // processes on a shared machine must not make our tasks look long.
  const cpu = (e: TraceEvent) => e.tdur ?? e.dur!;
  const perTask = new Map<TraceEvent, number>();
  let total = 0;
  let longest: TraceEvent | undefined;
  for (const e of outer) {
    total += cpu(e);
    if (!longest || cpu(e) > cpu(longest)) longest = e;
    const task = taskOf(e);
    if (task) perTask.set(task, (perTask.get(task) ?? 0) + cpu(e));
  }
  const ms = (us: number) => Math.round(us / 10) / 100;
  return {
    extensionMs: ms(total),
    maxTaskMs: ms(Math.max(0, ...perTask.values())),
    tasks: perTask.size,
    ...(longest ? { longest: `${longest.name} ${longest.args?.data?.functionName || ''} ${ms(cpu(longest))} ms`.replace(/\s+/g, ' ') } : {}),
  };
}

/**
 * Trace `page` while `action` runs (a navigation, a minute of live updates...) and return the
 * extension's main-thread cost in that page over the whole action.
 */
export async function traceExtensionCost(context: BrowserContext, page: Page, action: () => Promise<unknown>): Promise<PageCost> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const e of value as unknown as TraceEvent[]) events.push(e);
  });
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  try {
    await action();
  } finally {
    const done = new Promise((resolveDone) => cdp.once('Tracing.tracingComplete', resolveDone));
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach().catch(() => undefined);
  }
  return extensionCost(events);
}

export interface WorkerHeap {
  /** JS heap in use in the extension's service worker after a full garbage collection, in MB. */
  usedMB: number;
  totalMB: number;
}

/**
 * The service worker's JS heap (CDP Runtime.getHeapUsage on the worker's own target, after
 * HeapProfiler.collectGarbage so the figure is what it keeps, not garbage). Playwright has no CDP
 * session for workers, so this goes through `page`'s session with Target.sendMessageToTarget.
 */
export async function serviceWorkerHeap(context: BrowserContext, page: Page): Promise<WorkerHeap> {
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (!worker) throw new Error('no extension service worker running');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    let nextId = 0;
    const pending = new Map<number, (reply: { result?: unknown; error?: { message: string } }) => void>();
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const reply = JSON.parse(event.message);
      pending.get(reply.id)?.(reply);
    });
    const send = async <T>(method: string): Promise<T> => {
      const id = ++nextId;
      const reply = new Promise<{ result?: unknown; error?: { message: string } }>((resolve) => pending.set(id, resolve));
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
      const { result, error } = await reply;
      if (error) throw new Error(`${method}: ${error.message}`);
      return result as T;
    };
    await send('HeapProfiler.collectGarbage');
    const { usedSize, totalSize } = await send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage');
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 100) / 100;
    return { usedMB: mb(usedSize), totalMB: mb(totalSize) };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
