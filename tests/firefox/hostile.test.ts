import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../tools/demo-server';
import { launchFirefox } from './harness';

/**
 * Issue 15 in firefox-esr: what a hostile page can reach of the extension's elements. (Saving a
 * quote needs the sidebar's own page, which this harness cannot open in Firefox; the Chromium
 * suite tests/e2e/hostile-page.spec.ts covers the saved-quote leak itself.)
 */
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

describe('hostile pages in firefox-esr (issue 15)', () => {
  it('a page sees only an empty host: no notice text, no buttons to press, no way to mute or open', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/pages/hostile-force-open.html#mute`);
    await page.waitForSelector('second-chance-notice', { timeout: 20_000 });
    await new Promise((r) => setTimeout(r, 2000));
    const seen = await page.evaluate(() => {
      const host = document.querySelector('second-chance-notice')!;
      return {
        root: host.shadowRoot,
        text: host.textContent,
        log: (window as unknown as { __attack: { log: string[] } }).__attack.log,
        dock: document.querySelector('second-chance-sidebar') !== null,
      };
    });
    // The page's script waits for an open root to press "Mute": it never finds one.
    expect(seen).toEqual({ root: null, text: '', log: [], dock: false });
    // Still shown (not muted by the page): a fresh load shows the notice again.
    await page.goto(`${server.origin}/pages/hostile-force-open.html`);
    await page.waitForSelector('second-chance-notice', { timeout: 20_000 });
  }, 60_000);

});
