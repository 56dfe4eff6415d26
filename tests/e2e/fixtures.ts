import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer } from '../support/demo-server';
import { launchWithExtension } from '../support/launch';

export { launchWithExtension };

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** The tab id the background recorded for a page URL (its analysis lives in session storage). */
export async function tabIdFor(worker: Worker, url: string): Promise<number | undefined> {
  return worker.evaluate(async (pageUrl) => {
    const items = await chrome.storage.session.get(null);
    const hit = Object.entries(items).find(([, v]) => (v as { url?: string }).url === pageUrl);
    return hit ? Number(hit[0].slice('tab:'.length)) : undefined;
  }, url);
}

export async function waitForTabId(worker: Worker, url: string): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const id = await tabIdFor(worker, url);
    if (id !== undefined) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`background never received an analysis for ${url}`);
}

/** The notice's visible text, or null when there is none. */
export async function noticeText(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('second-chance-notice')?.shadowRoot?.querySelector('.box')?.textContent ?? null);
}

interface Fixtures {
  origin: string;
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Every URL the browser requested during the test. */
  requests: string[];
  profileDir: string;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  origin: async ({}, use) => {
    const server = await startDemoServer();
    await use(server.origin);
    await server.close();
  },
  // eslint-disable-next-line no-empty-pattern
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'second-chance-profile-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  requests: async ({}, use) => {
    await use([]);
  },
  context: async ({ profileDir, requests }, use) => {
    const context = await launchWithExtension(profileDir);
    context.on('request', (request) => requests.push(request.url()));
    await use(context);
    await context.close();
  },
  worker: async ({ context }, use) => {
    await use(await serviceWorkerOf(context));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
});

export { expect } from '@playwright/test';
