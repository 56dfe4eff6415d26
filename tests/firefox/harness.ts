/**
 * Firefox (firefox-esr) with the built extension, driven over WebDriver BiDi by puppeteer-core.
 * What it can reach: web pages and their frames (the docked sidebar included), trusted mouse and
 * key input inside pages, and the extension's own pages opened as tabs (a fixed moz-extension
 * UUID), where the full `browser` API answers (badge, sidebar state, commands).
 * What it cannot reach: Firefox's own UI (the real sidebar's document, the toolbar popup, the
 * right-click menu, shortcut keys handled by the browser), which live in the chrome process.
 */
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { resolve } from 'node:path';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const ADDON_ID = 'second-chance@harm-reduction.invalid';
export const UUID = '5ecc0000-0000-4000-8000-00000000c0de';
export const EXT = `moz-extension://${UUID}`;

export async function launchFirefox(prefs: Record<string, string | number | boolean> = {}): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // A known extension origin, so its pages can be opened as tabs.
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      // No network beyond 127.0.0.1 on this machine: keep Firefox from phoning home.
      'app.normandy.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.update.enabled': false,
      ...prefs,
    },
  });
  await browser.installExtension(resolve('.output/firefox-mv2'));
  return browser;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Poll `check` until it returns a truthy value (errors count as "not yet"). */
export async function until<T>(check: () => Promise<T>, { timeout = 15_000, every = 100, what = 'condition' } = {}): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${String(last).slice(0, 300)})`);
    await sleep(every);
  }
}

/**
 * One of the extension's pages in a tab. Firefox 140's remote agent never resolves goto() for
 * moz-extension: URLs, so navigate without waiting and poll until the document is ours.
 */
export async function extensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  void page.goto(`${EXT}${path}`).catch(() => undefined);
  await until(() => page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete'), { what: `${path} to load` });
  return page;
}

/** Run `fn` with the extension's full API, in a tab showing one of its pages (the control tab). */
export async function inExtension<T, A>(control: Page, fn: (arg: A) => Promise<T>, arg: A): Promise<T> {
  return control.evaluate(fn as never, arg as never) as Promise<T>;
}

/** The notice's text, or '' before it appears. */
export const noticeText = (page: Page) =>
  page.evaluate(() => document.querySelector('second-chance-notice')?.shadowRoot?.querySelector('.box')?.textContent ?? '');

/** A trusted click (BiDi input, a real user gesture) on a notice button, by its label. */
export async function clickNoticeButton(page: Page, label: RegExp) {
  await until(() => noticeText(page), { what: 'the notice' });
  const at = await page.evaluate((source) => {
    const buttons = [...document.querySelector('second-chance-notice')!.shadowRoot!.querySelectorAll('button')];
    const b = buttons.find((x) => new RegExp(source).test(x.textContent ?? '') || new RegExp(source).test(x.getAttribute('aria-label') ?? ''));
    if (!b) return null;
    const r = b.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, label.source);
  if (!at) throw new Error(`no notice button ${label}`);
  await page.mouse.click(at.x, at.y);
}

/** The docked sidebar's frame (an extension page inside the web page). */
export async function dockedFrame(page: Page): Promise<Frame> {
  return until(async () => page.frames().find((f) => f !== page.mainFrame()), { what: 'the docked sidebar frame' });
}

/** The visible text of a page or frame. */
export const textOf = (target: Page | Frame) => target.evaluate(() => document.body?.innerText ?? '');

/** The tab id Firefox gave the page at `url` (asked from an extension page). */
export const tabIdOf = (control: Page, url: string) =>
  control.evaluate(
    async (u) => ((await (globalThis as unknown as FirefoxGlobal).browser.tabs.query({})) as { id: number; url?: string }[]).find((t) => t.url === u)?.id,
    url,
  );

/** The extension's `browser` global as seen from functions evaluated in its pages (loosely typed on purpose). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FirefoxGlobal = { browser: any };
