/**
 * User stories in Firefox (firefox-esr, the Firefox build installed as an add-on), through the
 * surfaces a user meets: the notice on a real page, the docked sidebar it opens, the extension's
 * pages, the toolbar badge. The same stories run in Chromium in tests/e2e/stories.spec.ts.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../support/demo-server';
import { clickNoticeButton, dockedFrame, extensionPage, launchFirefox, noticeText, tabIdOf, textOf, until, type FirefoxGlobal } from './harness';

let browser: Browser;
let control: Page;
let server: Awaited<ReturnType<typeof startDemoServer>>;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchFirefox();
  control = await extensionPage(browser, '/options.html');
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openSeed(id: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/seed/${id}.html`);
  await until(() => noticeText(page), { what: `the notice on seed ${id}` });
  return page;
}

describe('Firefox: first run', () => {
  it('does not open the sidebar by itself at install', async () => {
    const open = await control.evaluate(() => (globalThis as unknown as FirefoxGlobal).browser.sidebarAction.isOpen({}));
    expect(open).toBe(false);
  });
});

describe('Firefox: from the notice to help', () => {
  it('"Evidence and help" on the real notice shows the emergency number, the page topics and evidence cards', async () => {
    const page = await openSeed('000');
    const started = Date.now();
    await clickNoticeButton(page, /Evidence and help/);
    const frame = await dockedFrame(page);
    const text = await until(async () => {
      const t = await textOf(frame);
      return /Call 911/.test(t) && /What the research says/.test(t) && /This page discusses/.test(t) ? t : '';
    }, { what: 'the docked sidebar to show the emergency number, topics and cards' });
    const elapsed = Date.now() - started;
    console.log(`[firefox] docked sidebar ready ${elapsed} ms after the click`);
    expect(text).toContain('overdose');
    expect(text).toMatch(/Helplines/);
    // "Save selection" works there: the docked page knows which tab it is about.
    expect(await frame.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Save selection')?.disabled)).toBe(false);
    await page.close();
  });

  it('shows the number of topics on the toolbar badge', async () => {
    const page = await openSeed('000');
    const tabId = await until(() => tabIdOf(control, page.url()), { what: 'the tab id' });
    const badge = await until(
      () => control.evaluate((id) => (globalThis as unknown as FirefoxGlobal).browser.browserAction.getBadgeText({ tabId: id }), tabId),
      { what: 'the badge' },
    );
    expect(badge).toBe('3');
    await page.close();
  });
});
