import type { BrowserContext } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_IDS, startDemoServer } from '../../tools/demo-server';
import { launchWithExtension } from '../../tools/launch';
import { serviceWorkerHeap, traceExtensionCost, type PageCost, type WorkerHeap } from '../../tools/trace';

export type { PageCost };

/** Main-thread time of our content script on each seed page and 5 MB and 10 MB forum pages (Chrome tracing). */
export async function measureInChromium(): Promise<Record<string, PageCost>> {
  const profile = mkdtempSync(join(tmpdir(), 'second-chance-bench-'));
  const server = await startDemoServer();
  const context = await launchWithExtension(profile);
  try {
    await (context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker'));
    const pages: Record<string, string> = Object.fromEntries(SEED_IDS.map((id) => [`seed-${id}`, `${server.origin}/seed/${id}.html`]));
    pages['forum-5MB'] = `${server.origin}/generated/forum-5000000.html`;
    pages['forum-10MB'] = `${server.origin}/generated/forum-10000000.html`;
    const out: Record<string, PageCost> = {};
    for (const [name, url] of Object.entries(pages)) out[name] = await tracePage(context, url);
    return out;
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function tracePage(context: BrowserContext, url: string): Promise<PageCost> {
  const page = await context.newPage();
  const cost = await traceExtensionCost(context, page, async () => {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForTimeout(2500); // idle-time analysis, the background round trip, the notice
  });
  await page.close();
  return cost;
}

export interface ExtensionPageTimings {
  /** First open after install: the reference directory is seeded into IndexedDB. */
  seedMs: number;
  seedRows: number;
  /** Popup opened 20 times: navigation start to the emergency line / first naloxone source rendered. */
  popupEmergencyMs: { median: number; p95: number };
  popupFirstSourceMs: { median: number; p95: number };
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 10) / 10;
  return { median: at(0.5), p95: at(0.95) };
};

/** Seeding time and popup render times, in Chromium with the built extension. */
export async function measureExtensionPages(seedRows: number): Promise<ExtensionPageTimings> {
  const profile = mkdtempSync(join(tmpdir(), 'second-chance-bench-pages-'));
  const context = await launchWithExtension(profile);
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    // Record, inside the page, when the emergency line and the first step source appear.
    await context.addInitScript(() => {
      const marks: Record<string, number> = {};
      (window as unknown as { __marks: typeof marks }).__marks = marks;
      new MutationObserver(() => {
        if (!marks.emergency && document.querySelector('.emergency a')) marks.emergency = performance.now();
        if (!marks.source && document.querySelector('.sources-inline a')) marks.source = performance.now();
      }).observe(document, { childList: true, subtree: true });
    });
    const options = await context.newPage();
    const start = Date.now();
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.getByRole('combobox').first().waitFor({ timeout: 120_000 });
    const seedMs = Date.now() - start;
    await options.close();
    const emergency: number[] = [];
    const source: number[] = [];
    for (let i = 0; i < 20; i++) {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${id}/popup.html`);
      await popup.locator('.emergency a').waitFor();
      const marks = await popup.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks);
      emergency.push(marks.emergency);
      source.push(marks.source);
      await popup.close();
    }
    return { seedMs, seedRows, popupEmergencyMs: stats(emergency), popupFirstSourceMs: stats(source) };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export interface WorkerMemory {
  /** After seeding, nothing open but one blank page. */
  idle: WorkerHeap;
  /** With 50 tabs (the seed pages and 45 corpus pages) opened at once and analysed. */
  after50Tabs: WorkerHeap;
  /** Those 50 tabs closed again. */
  after50TabsClosed: WorkerHeap;
}

/** The service worker's JS heap at idle and after 50 tabs were analysed. */
export async function measureWorkerMemory(): Promise<WorkerMemory> {
  const profile = mkdtempSync(join(tmpdir(), 'second-chance-bench-memory-'));
  const server = await startDemoServer();
  const context = await launchWithExtension(profile);
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    // Seeding done: the options page renders its form only from the seeded database.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.getByRole('combobox').first().waitFor({ timeout: 120_000 });
    await options.close();
    const probe = await context.newPage();
    await probe.waitForTimeout(2000);
    const idle = await serviceWorkerHeap(context, probe);
    const urls = [
      ...SEED_IDS.map((seed) => `${server.origin}/seed/${seed}.html`),
      ...Array.from({ length: 45 }, (_, i) => `${server.origin}/corpus/en-${String(i + 1).padStart(3, '0')}.html`),
    ];
    const pages = await Promise.all(urls.map(async (url) => {
      const page = await context.newPage();
      await page.goto(url, { timeout: 120_000 });
      return page;
    }));
    // Wait until the worker holds an analysis for every tab.
    for (let i = 0; i < 600; i++) {
      const stored = await worker.evaluate(async () => Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('tab:')).length);
      if (stored >= urls.length) break;
      await probe.waitForTimeout(200);
    }
    const after50Tabs = await serviceWorkerHeap(context, probe);
    await Promise.all(pages.map((page) => page.close()));
    await probe.waitForTimeout(1000);
    const after50TabsClosed = await serviceWorkerHeap(context, probe);
    return { idle, after50Tabs, after50TabsClosed };
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
