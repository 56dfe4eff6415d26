import { chromium, type Browser, type Page, type Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser } from './fixtures';

/**
 * Chromium with the extension and a DevTools port, for tests of the surfaces the browser itself
 * draws: the toolbar popup and the side panel. Playwright's own connection never lists those
 * pages, so a second CDP connection made after they open is how a test reaches them.
 */
export async function openBrowserWithPort(profileDir: string, args: string[] = []) {
  const opened = await openBrowser(profileDir, { args: ['--remote-debugging-port=0', ...args] });
  const port = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  return { ...opened, cdpUrl: `http://127.0.0.1:${port}` };
}

/** The extension page at `path` (e.g. "/popup.html") as the browser shows it, over a fresh CDP connection. */
export async function reachExtensionPage(cdpUrl: string, path: string): Promise<{ page: Page; remote: Browser }> {
  for (let i = 0; i < 50; i++) {
    const remote = await chromium.connectOverCDP(cdpUrl);
    const page = remote.contexts().flatMap((c) => c.pages()).find((p) => new URL(p.url()).pathname === path);
    if (page) return { page, remote };
    await remote.close();
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the browser shows no ${path}`);
}

/** Open the real toolbar popup (as a click on the toolbar button does) and reach its page. */
export async function openRealPopup(worker: Worker, cdpUrl: string) {
  await worker.evaluate(() => chrome.action.openPopup());
  const reached = await reachExtensionPage(cdpUrl, '/popup.html');
  await reached.page.locator('main').waitFor();
  return reached;
}

/** The extension's open side panels, as the browser counts them. */
export function sidePanelCount(worker: Worker): Promise<number> {
  return worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length);
}

export async function waitForSidePanels(worker: Worker, count: number) {
  for (let i = 0; i < 100; i++) {
    if ((await sidePanelCount(worker)) === count) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`side panels: expected ${count}, have ${await sidePanelCount(worker)}`);
}
