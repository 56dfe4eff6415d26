import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../tools/demo-server';
import { launchFirefox } from './harness';

let browser: Browser;
let server: Awaited<ReturnType<typeof startDemoServer>>;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchFirefox();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Firefox build in firefox-esr', () => {
  it('reads a seed page and shows the notice the background asked for', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/seed/001.html`);
    // The notice appears only after the background validated the content script's message and
    // replied. Its shadow root is closed (issue 15): the page, like this test, sees only the host,
    // drawn on screen with a real size.
    await page.waitForSelector('second-chance-notice', { timeout: 20_000 });
    const notice = await page.evaluate(() => {
      const host = document.querySelector('second-chance-notice')!;
      const box = host.getBoundingClientRect();
      return { root: host.shadowRoot === null ? 'closed' : 'open', width: box.width, height: box.height, text: host.textContent };
    });
    expect(notice).toMatchObject({ root: 'closed', text: '' });
    expect(notice.width).toBeGreaterThan(150);
    expect(notice.height).toBeGreaterThan(30);
  }, 40_000);

  it('shows no notice on a page about wastewater treatment', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/corpus/en-020.html`);
    await new Promise((r) => setTimeout(r, 2500));
    expect(await page.evaluate(() => document.querySelector('second-chance-notice') === null)).toBe(true);
  }, 20_000);
});
