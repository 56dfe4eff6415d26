/**
 * The user stories of tests/firefox/stories.test.ts, in Chromium: the real notice, the real side
 * panel it opens (reached over a DevTools port, as the browser draws it), the toolbar badge, and
 * the docked sidebar the notice falls back to when the browser refuses its panel.
 */
import { chromium, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clickNotice, closedShadow, expect, openBrowser, test, waitForTabId } from './fixtures';

async function sidePanelPage(cdpUrl: string): Promise<{ page: Page; close: () => Promise<void> }> {
  for (let i = 0; i < 50; i++) {
    const remote = await chromium.connectOverCDP(cdpUrl);
    const page = remote.contexts().flatMap((c) => c.pages()).find((p) => new URL(p.url()).pathname === '/sidepanel.html');
    if (page) return { page, close: () => remote.close() };
    await remote.close();
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the browser shows no side panel');
}

/** The extension APIs these tests call in the service worker. */
type ChromeApis = {
  chrome: {
    action: { getBadgeText(details: { tabId: number }): Promise<string> };
    sidePanel: { setOptions(options: { enabled: boolean }): Promise<void> };
  };
};

test.describe.configure({ timeout: 90_000 });


test('"Evidence and help" on the real notice opens the real side panel: emergency number, topics, cards; the badge counts the topics', async ({ profileDir, origin }) => {
  const { context, worker } = await openBrowser(profileDir, { args: ['--remote-debugging-port=0'] });
  try {
    const cdpUrl = `http://127.0.0.1:${readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n')[0]}`;
    const page = await context.newPage();
    await page.goto(`${origin}/seed/000.html`);
    const tabId = await waitForTabId(worker, page.url());
    await expect.poll(() => worker.evaluate((id) => (globalThis as unknown as ChromeApis).chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('3');
    await expect.poll(async () => (await closedShadow(page, 'second-chance-notice'))?.buttons.map((b) => b.name) ?? []).toContain('Evidence and help');
    await clickNotice(page, 'Evidence and help'); // closed shadow root: a real mouse click at the button
    const { page: panel, close } = await sidePanelPage(cdpUrl);
    await expect(panel.locator('.emergency a[href="tel:911"]')).toHaveText('Possible overdose? Call 911');
    await expect(panel.getByText('This page discusses: overdose, tough love, treatment')).toBeVisible();
    await expect(panel.getByRole('heading', { name: 'What the research says' })).toBeVisible();
    await expect(panel.locator('article.card').first()).toBeVisible();
    // Not docked: the browser's own panel opened.
    expect(await page.locator('second-chance-sidebar').count()).toBe(0);
    await close();
  } finally {
    await context.close();
  }
});

test('docked sidebar with third-party storage blocked: emergency number, topics and cards through the background; a ZIP set there is kept', async ({ profileDir, origin }) => {
  // Chromium's "Block third-party cookies": an extension frame inside a web page is then refused IndexedDB.
  mkdirSync(join(profileDir, 'Default'), { recursive: true });
  writeFileSync(join(profileDir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 1, block_third_party_cookies: true } }));
  const { context, worker, extensionId } = await openBrowser(profileDir);
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/seed/000.html`);
    await waitForTabId(worker, page.url());
    // The browser refuses its panel (here: disabled), so the notice docks the sidebar in the page.
    await worker.evaluate(() => (globalThis as unknown as ChromeApis).chrome.sidePanel.setOptions({ enabled: false }));
    const started = Date.now();
    await expect.poll(async () => (await closedShadow(page, 'second-chance-notice'))?.buttons.map((b) => b.name) ?? []).toContain('Evidence and help');
    await clickNotice(page, 'Evidence and help'); // closed shadow root: a real mouse click at the button
    // The dock's shadow root is closed, so the frame is found among the page's frames.
    const docked = () => page.frames().find((f) => f.url().includes('sidepanel.html'))!;
    await expect.poll(() => !!docked()).toBe(true);
    const frame = docked();
    await expect(frame.locator('.emergency a[href="tel:911"]')).toBeVisible();
    await expect(frame.getByText('This page discusses: overdose, tough love, treatment')).toBeVisible();
    await expect(frame.locator('article.card').first()).toBeVisible();
    console.log(`[chromium] docked sidebar (third-party storage blocked) ready ${Date.now() - started} ms after the click`);
    // The frame really cannot use IndexedDB here (otherwise this test proves nothing about the relay).
    const probe = await frame.evaluate(() =>
      new Promise<string>((resolve) => {
        setTimeout(() => resolve('no answer in 3 s'), 3000);
        const request = indexedDB.open('probe');
        request.onsuccess = () => resolve('opened');
        request.onerror = () => resolve('refused');
      }).catch(() => 'refused'),
    );
    expect(probe).not.toBe('opened');
    await expect(frame.getByText('can’t open its local storage')).toHaveCount(0);
    await expect(frame.getByRole('button', { name: 'Save selection' })).toBeEnabled();
    // A ZIP set in the docked sidebar is written by the background, so other pages see it.
    await frame.getByLabel(/US ZIP code/).fill('80202');
    await frame.getByLabel(/US ZIP code/).press('Enter');
    await expect(frame.getByText('Location saved: ZIP 80202.')).toBeVisible();
    await expect(frame.locator('ol.places li').first()).toBeVisible();
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByLabel(/US ZIP code/)).toHaveValue('80202');
  } finally {
    await context.close();
  }
});
