import puppeteer, { type Browser } from 'puppeteer-core';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Issue 17 in firefox-esr: the popup page, opened as a tab at its moz-extension:// address (a fixed
 * UUID from the `extensions.webextensions.uuids` pref), records a kit 20 days from expiry and
 * shows the reminder; marked used, it asks to replace it. A tab is not the toolbar popup (Firefox
 * gives no way to open that from a test): this is the page, not the surface.
 */
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_ID = 'second-chance@harm-reduction.invalid';
const UUID = '5ecc0017-0000-4000-8000-000000000017';

let browser: Browser;

beforeAll(async () => {
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'app.normandy.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.update.enabled': false,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
    },
  });
  await browser.installExtension(resolve('.output/firefox-mv2'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('Naloxone ready in firefox-esr (popup page in a tab)', () => {
  it('a kit that expires in 20 days shows its reminder; marked used, it asks to replace it', async () => {
    const page = await browser.newPage();
    // Firefox's remote agent never resolves goto() for moz-extension: URLs, and the page's CSP
    // blocks puppeteer's waitForFunction (it builds a Function): navigate without waiting and poll
    // with evaluate.
    void page.goto(`moz-extension://${UUID}/popup.html`).catch(() => undefined);
    const clickIn = (selector: string) => page.evaluate((sel) => (document.querySelector(sel) as HTMLElement | null)?.click() !== undefined, selector);
    await until(() => clickIn('section.kits > button'), 'the "Add a kit" button');
    await until(() => page.evaluate(() => !!document.querySelector('form.kit-form')), 'the kit form');
    const date = await page.evaluate(() => {
      const d = new Date();
      d.setDate(d.getDate() + 20);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await page.type('form.kit-form input[type="text"]', 'Hall closet');
    // Firefox's date field takes typed digits in the locale's order; set the value as the form reads it.
    await page.evaluate((value) => {
      const input = document.querySelector('form.kit-form input[type="date"]') as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, date);
    await page.click('form.kit-form button[type="submit"]');
    const status = () => page.evaluate(() => document.querySelector('section.kits [role="status"]')?.textContent ?? '');
    expect(await until(status, 'the reminder')).toContain('Your kit in Hall closet expires in 20 days.');
    // The toolbar button carries the reminder too (Firefox MV2: browserAction).
    const badge = () => page.evaluate(() => (globalThis as unknown as { browser: { browserAction: { getBadgeText(d: object): Promise<string> } } }).browser.browserAction.getBadgeText({}));
    expect(await until(async () => ((await badge()) === '!' ? '!' : ''), 'the badge')).toBe('!');
    await until(() => clickIn('section.kits li.kit button'), '"I used it"');
    expect(await until(async () => ((await status()).includes('Replace it after use.') ? status() : ''), 'the replace prompt')).toContain('Get a new kit now');
  }, 90_000);
});

async function until<T>(check: () => Promise<T>, what: string, timeout = 30_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
