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

/**
 * The notice lives in a CLOSED shadow root (the page must not read or press it), so page script
 * cannot reach inside. WebDriver BiDi can: serialising the host with `includeShadowTree: 'all'`
 * hands back its shadow root (closed included) as a shared reference, which a later
 * `script.callFunction` takes as an argument. Both calls run in a sandbox, so nothing the page
 * patched (prototypes, globals) is seen.
 */
type BidiSession = { send(method: string, params: unknown): Promise<{ result: unknown }> };
type RemoteValue = { type: string; sharedId?: string; value?: unknown };

function bidiOf(page: Page): { session: BidiSession; context: string } {
  // puppeteer-core's BiDi frame exposes its browsing context, whose browser holds the raw session.
  const bc = (page.mainFrame() as unknown as { browsingContext: { id: string; userContext: { browser: { session: BidiSession } } } }).browsingContext;
  return { session: bc.userContext.browser.session, context: bc.id };
}

const SANDBOX = 'second-chance-harness';

/** The shadow root (closed included) of the page's `tag` element as a BiDi shared reference, or null while there is none. */
async function closedRoot(page: Page, tag: string): Promise<{ sharedId: string } | null> {
  const { session, context } = bidiOf(page);
  const { result } = (await session.send('script.callFunction', {
    functionDeclaration: `() => document.querySelector(${JSON.stringify(tag)})`,
    awaitPromise: false,
    target: { context, sandbox: SANDBOX },
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
  })) as { result: { type: string; result?: RemoteValue & { value?: { shadowRoot?: RemoteValue | null } } } };
  const root = result.type === 'success' ? result.result?.value?.shadowRoot : undefined;
  return root?.sharedId ? { sharedId: root.sharedId } : null;
}

/** Run `fn` (a function source taking the shadow root and `arg`) inside the closed shadow root of `tag`; its JSON result, or null when there is no such element. */
export async function inClosedRoot<T>(page: Page, tag: string, fn: string, arg: unknown = null): Promise<T | null> {
  const root = await closedRoot(page, tag);
  if (!root) return null;
  const { session, context } = bidiOf(page);
  const { result } = (await session.send('script.callFunction', {
    functionDeclaration: `(root, arg) => JSON.stringify((${fn})(root, JSON.parse(arg)))`,
    arguments: [root, { type: 'string', value: JSON.stringify(arg ?? null) }],
    awaitPromise: false,
    target: { context, sandbox: SANDBOX },
    resultOwnership: 'none',
  })) as { result: { type: string; result?: RemoteValue; exceptionDetails?: { text?: string } } };
  if (result.type !== 'success') throw new Error(`in <${tag}>: ${result.exceptionDetails?.text ?? 'script error'}`);
  const value = result.result?.value;
  return typeof value === 'string' ? (JSON.parse(value) as T) : null;
}

/** The notice's text, or '' before it appears. */
export const noticeText = async (page: Page): Promise<string> =>
  (await inClosedRoot<string>(page, 'second-chance-notice', "(root) => root.querySelector('.box')?.textContent ?? ''", null)) ?? '';

/** A trusted click (BiDi input, a real user gesture) on a notice button, by its label. */
export async function clickNoticeButton(page: Page, label: RegExp) {
  await until(() => noticeText(page), { what: 'the notice' });
  const at = await inClosedRoot<{ x: number; y: number } | null>(
    page,
    'second-chance-notice',
    `(root, source) => {
      const re = new RegExp(source);
      const b = [...root.querySelectorAll('button')].find((x) => re.test(x.textContent ?? '') || re.test(x.getAttribute('aria-label') ?? ''));
      if (!b) return null;
      const r = b.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }`,
    label.source,
  );
  if (!at) throw new Error(`no notice button ${label}`);
  await page.mouse.click(at.x, at.y);
}

/** The docked sidebar's frame (an extension page inside the web page). */
export async function dockedFrame(page: Page): Promise<Frame> {
  return until(async () => page.frames().find((f) => f !== page.mainFrame()), { what: 'the docked sidebar frame' });
}

/**
 * A trusted click on the first button labelled exactly `label` in the docked sidebar's frame.
 * The iframe sits in a closed shadow root, so its offset is read through BiDi; the button's place
 * is measured until it stops moving (the sidebar keeps filling in sections after it first shows).
 */
export async function clickDockedButton(page: Page, frame: Frame, label: string) {
  let last = '';
  const at = await until(
    async () => {
      const dock = await inClosedRoot<{ x: number; y: number } | null>(page, 'second-chance-sidebar', `(root) => {
        const r = root.querySelector('iframe')?.getBoundingClientRect();
        return r ? { x: r.x + (parseFloat(getComputedStyle(root.querySelector('iframe')).borderLeftWidth) || 0), y: r.y } : null;
      }`);
      const inFrame = await frame.evaluate((text) => {
        const b = [...document.querySelectorAll('button')].find((x) => x.textContent === text);
        if (!b) return null;
        b.scrollIntoView({ block: 'center', behavior: 'instant' });
        const r = b.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }, label);
      if (!dock || !inFrame) return null;
      const now = JSON.stringify([dock, inFrame]);
      const stable = now === last;
      last = now;
      return stable ? { x: dock.x + inFrame.x, y: dock.y + inFrame.y } : null;
    },
    { every: 250, what: `a steady "${label}" button in the docked sidebar` },
  );
  await page.mouse.click(at.x, at.y);
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
