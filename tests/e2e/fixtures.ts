import { expect, test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer } from '../../tools/demo-server';
import { closeWelcome, launchWithExtension } from '../../tools/launch';

export { launchWithExtension };

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** Start Chromium with the extension on a profile (again, for restart tests): the context, its worker and the extension id. */
export async function openBrowser(profileDir: string, { keepWelcome = false, ...options }: Parameters<typeof launchWithExtension>[1] & { keepWelcome?: boolean } = {}) {
  const fresh = !existsSync(join(profileDir, 'Default'));
  const context = await launchWithExtension(profileDir, options);
  const worker = await serviceWorkerOf(context);
  if (fresh && !keepWelcome) await closeWelcome(context);
  return { context, worker, extensionId: new URL(worker.url()).host };
}

/** The topics each seed page is about (topic ids, as the background stores them). */
export const SEED_TOPICS: [string, string[]][] = [
  ['000', ['overdose', 'tough_love', 'treatment']],
  ['001', ['overdose']],
  ['002', ['tough_love', 'treatment']],
  ['003', ['overdose', 'tough_love']],
  ['004', ['tough_love', 'treatment']],
];

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

interface CdpNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * What is inside one of our elements' CLOSED shadow roots, as the browser's DevTools sees it
 * (page scripts cannot see it, and Playwright locators do not enter closed roots): its text and
 * its buttons with their centres, to press them with real (trusted) mouse clicks.
 */
export async function closedShadow(page: Page, tag: string): Promise<{ text: string; buttons: { name: string; x: number; y: number }[]; elements: number } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    // The first such element with a shadow root (a page may forge an element with our tag name).
    const find = (n: CdpNode): CdpNode | undefined => {
      if (n.localName === tag && n.shadowRoots?.length) return n;
      for (const c of n.children ?? []) {
        const hit = find(c);
        if (hit) return hit;
      }
      return undefined;
    };
    const host = find(root);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const text = (n: CdpNode): string => (n.nodeType === 3 ? (n.nodeValue ?? '') : n.localName === 'style' ? '' : (n.children ?? []).map(text).join(''));
    const buttons: CdpNode[] = [];
    const collect = (n: CdpNode) => (n.localName === 'button' ? buttons.push(n) : (n.children ?? []).forEach(collect));
    collect(shadow);
    const boxes = await Promise.all(
      buttons.map(async (b) => {
        const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: b.nodeId }).catch(() => ({ model: null }))) as { model: { content: number[] } | null };
        const q = model?.content ?? [0, 0, 0, 0, 0, 0, 0, 0];
        return { name: text(b), x: (q[0] + q[4]) / 2, y: (q[1] + q[5]) / 2 };
      }),
    );
    const count = (n: CdpNode): number => (n.nodeType === 1 ? 1 : 0) + (n.children ?? []).reduce((sum, c) => sum + count(c), 0);
    return { text: text(shadow), buttons: boxes, elements: count(shadow) - (shadow.children ?? []).filter((c) => c.localName === 'style').length };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The notice's visible text, or null when there is none. */
export async function noticeText(page: Page): Promise<string | null> {
  return (await closedShadow(page, 'second-chance-notice'))?.text ?? null;
}

/** Move keyboard focus to a button inside one of our closed elements (as a reader tabbing there would). */
export async function focusInside(page: Page, tag: string, name: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const all: CdpNode[] = [];
    const walk = (n: CdpNode, inside: boolean) => {
      const here = inside || n.localName === tag;
      if (here && n.localName === 'button') all.push(n);
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c, here);
    };
    walk(root, false);
    const text = (n: CdpNode): string => (n.nodeType === 3 ? (n.nodeValue ?? '') : (n.children ?? []).map(text).join(''));
    const aria = (n: CdpNode & { attributes?: string[] }) => n.attributes?.[n.attributes.indexOf('aria-label') + 1];
    const button = all.find((b) => text(b) === name || ((b as CdpNode & { attributes?: string[] }).attributes?.includes('aria-label') && aria(b) === name));
    if (!button) throw new Error(`no button ${name} in ${tag}`);
    await cdp.send('DOM.focus', { nodeId: button.nodeId });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The accessible name and role of what has keyboard focus, from the browser's accessibility tree (it sees into closed roots). */
export async function focused(page: Page): Promise<{ role: string; name: string } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; properties?: { name: string; value: { value: unknown } }[] }[] };
    // The document itself also reports focus: the element inside it is the one that matters.
    const hit = nodes.filter((n) => n.role?.value !== 'RootWebArea' && n.properties?.some((p) => p.name === 'focused' && p.value.value === true)).pop();
    return hit ? { role: hit.role?.value ?? '', name: hit.name?.value ?? '' } : null;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Whether the accessibility tree has a node of this role and name (our closed elements included). */
export async function hasAccessible(page: Page, role: string, name: string): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; ignored?: boolean }[] };
    return nodes.some((n) => !n.ignored && n.role?.value === role && n.name?.value === name);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Press a button of the notice with a real mouse click (a trusted event, as a reader's). */
export async function clickNotice(page: Page, name: string | RegExp): Promise<void> {
  const notice = await closedShadow(page, 'second-chance-notice');
  const button = notice?.buttons.find((b) => (typeof name === 'string' ? b.name === name : name.test(b.name)));
  if (!button) throw new Error(`no notice button ${name}; have ${JSON.stringify(notice?.buttons.map((b) => b.name))}`);
  await page.mouse.click(button.x, button.y);
}

/** Select `text` on the page (its first occurrence inside `within`), or a whole paragraph of at least `minLength` characters when no text is given. */
export async function selectOnPage(page: Page, { text, within = 'body', minLength = 40 }: { text?: string; within?: string; minLength?: number }) {
  await page.evaluate(
    ({ needle, root, min }) => {
      const range = document.createRange();
      if (needle === undefined) {
        const p = [...document.querySelectorAll(`${root} p`)].find((x) => x.textContent!.length > min);
        if (!p) throw new Error(`no paragraph of ${min}+ characters in ${root}`);
        range.selectNodeContents(p);
      } else {
        const walker = document.createTreeWalker(document.querySelector(root)!, NodeFilter.SHOW_TEXT);
        let node = walker.nextNode();
        while (node && !node.nodeValue!.includes(needle)) node = walker.nextNode();
        if (!node) throw new Error(`not on the page: ${needle}`);
        const at = node.nodeValue!.indexOf(needle);
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
      }
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    },
    { needle: text, root: within, min: minLength },
  );
}

/** Open the sidebar for a tab and press "Save selection"; resolves once "Saved." shows. */
export async function saveSelectionInSidebar(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.getByRole('button', { name: 'Save selection' }).click();
  await expect(panel.getByText('Saved.', { exact: true })).toBeVisible();
  return panel;
}

/**
 * Break the extension's database the way a broken newer build might: upgrade it past our version
 * and drop its tables. `page` must be one of the extension's own pages.
 */
export async function breakDatabase(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('second-chance', 9_999);
        request.onupgradeneeded = () => {
          for (const name of [...request.result.objectStoreNames]) request.result.deleteObjectStore(name);
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

/** Write rows straight into the extension's database from one of its pages (state a test starts from). */
export async function putRows(page: Page, store: string, rows: unknown[]) {
  await page.evaluate(
    ({ store, rows }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('second-chance');
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite');
          for (const row of rows) tx.objectStore(store).put(row);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    { store, rows },
  );
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
    await closeWelcome(context);
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
