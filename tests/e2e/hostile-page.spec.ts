/**
 * Issue 15: privacy against the page itself. Each test replays one attack from the December 2026
 * red-team report (pages copied into tests/fixtures/pages/hostile-*.html, see HOSTILE-PROVENANCE.md)
 * against the real extension in Chromium, through what a reader does: real (trusted) clicks,
 * the real sidebar page, real reloads, the profile's files on disk.
 */
import { execFileSync } from 'node:child_process';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { traceExtensionCost } from '../../tools/trace';
import { clickNotice, expect, noticeText, openBrowser, putRows, selectOnPage, test, waitForTabId } from './fixtures';

const QUOTE = 'it is not enabling, it is saving a life';
const NOTE = 'Vireo-Tamarind-4471 call the counselor on Monday';
/** On hostile-forensic.html this text is assembled by script: the page's cached bytes do not hold it. */
const FORENSIC_QUOTE = 'Kestrel-Ochre-1939 relapsed in the spring';

/** What the page's own recorder (window.__seen) saw being added or changed. */
async function pageSaw(page: Page): Promise<{ added: string[]; text: string }> {
  return page.evaluate(() => {
    const seen = (window as unknown as { __seen: { added: string[]; text: string[] } }).__seen;
    const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
    const names = registry ? [...registry.keys()].join(' ') : '';
    return { added: seen.added, text: [...seen.text, names, document.documentElement.outerHTML.includes('second-chance-mark') ? 'second-chance-mark' : ''].join('\n') };
  });
}

async function sidebarFor(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}

async function snippetRow(quote: string, url: string, extra: Record<string, unknown> = {}) {
  return { quote, prefix: '', suffix: '', position: { start: 0, end: quote.length }, url, title: 'Story', site: new URL(url).hostname, savedAt: Date.now(), topics: ['overdose'], claims: [], cardIds: [], note: '', tags: [], ...extra };
}

async function addRows(context: BrowserContext, extensionId: string, rows: unknown[]) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await putRows(page, 'snippets', rows);
  await page.close();
}

async function badge(worker: Worker, tabId: number): Promise<string> {
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

async function storedSnippets(context: BrowserContext, extensionId: string): Promise<{ url: string; quote: string }[]> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const rows = await page.evaluate(
    () =>
      new Promise<{ url: string; quote: string }[]>((resolve, reject) => {
        const open = indexedDB.open('second-chance');
        open.onsuccess = () => {
          const request = open.result.transaction('snippets').objectStore('snippets').getAll();
          request.onsuccess = () => (open.result.close(), resolve(request.result));
          request.onerror = () => reject(request.error);
        };
      }),
  );
  await page.close();
  return rows;
}

test('F1: a page watching its DOM sees nothing of a saved quote, on save, on revisit, or when the reader shows it', async ({ context, worker, extensionId, origin }) => {
  test.setTimeout(90_000);
  const url = `${origin}/pages/hostile-observed.html`;
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await waitForTabId(worker, url);
  await expect.poll(() => noticeText(page)).toContain('This page discusses');
  await selectOnPage(page, { text: QUOTE });
  const panel = await sidebarFor(context, extensionId, tabId);
  await panel.getByRole('button', { name: 'Save selection' }).click();
  await expect(panel.getByText('Saved.', { exact: true })).toBeVisible();
  await page.waitForTimeout(1500);
  let seen = await pageSaw(page);
  expect(seen.added.filter((n) => n !== 'second-chance-notice'), 'elements added on save').toEqual([]);
  expect(seen.text).not.toContain(QUOTE);

  await page.reload();
  await expect.poll(() => noticeText(page)).toContain('This page discusses');
  await page.waitForTimeout(3000);
  seen = await pageSaw(page);
  expect(seen.added.filter((n) => n !== 'second-chance-notice'), 'elements added on revisit').toEqual([]);
  expect(seen.text).not.toContain(QUOTE);

  // The reader asks to see it: drawn over the page in a closed element, the text never copied in.
  await panel.reload();
  await expect(panel.getByText('The site can see where highlights are drawn', { exact: false })).toBeVisible();
  await panel.getByRole('button', { name: 'Show my saved quotes on this page' }).click();
  await expect(panel.getByText('1 shown on the page, 0 not found.')).toBeVisible();
  seen = await pageSaw(page);
  expect(seen.text).not.toContain(QUOTE);
  expect(await page.evaluate(() => document.querySelector('second-chance-marks')?.shadowRoot ?? null)).toBeNull();
  expect(await page.locator('p', { hasText: QUOTE }).evaluate((p) => p.childNodes.length)).toBe(1); // the text node is not split
});

test('F2: a page on another site that points its canonical link at an article gets none of its saved quotes', async ({ context, worker, extensionId, origin }) => {
  await addRows(context, extensionId, [await snippetRow(QUOTE, 'https://news.example.org/story')]);
  const url = `${origin}/pages/hostile-copycat-hidden.html`;
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await waitForTabId(worker, url);
  await page.waitForTimeout(3000);
  const seen = await pageSaw(page);
  expect(seen.text).not.toContain(QUOTE);
  const analysis = (await worker.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId)) as { url: string; canonicalUrl?: string };
  expect(analysis).toMatchObject({ url });
  expect(analysis.canonicalUrl).toBeUndefined();
  const panel = await sidebarFor(context, extensionId, tabId);
  await expect(panel.getByText('Nothing saved from this page yet.')).toBeVisible();
  await expect(panel.getByText(QUOTE)).toHaveCount(0);
});

test('F3: nothing runs in a page because the reader saved quotes there (no timing oracle)', async ({ context, worker, extensionId, origin }) => {
  const article = `${origin}/pages/hostile-observed.html`;
  await addRows(context, extensionId, [await snippetRow(QUOTE, article), await snippetRow('gave him naloxone (Narcan) twice', article)]);
  // Count every injection of extension code into a page from here on.
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __injections: string[] };
    g.__injections = [];
    const real = chrome.scripting.executeScript.bind(chrome.scripting);
    (chrome.scripting as unknown as { executeScript: unknown }).executeScript = (options: { target: { tabId: number } }) => {
      g.__injections.push(String(options.target.tabId));
      return real(options as never);
    };
  });
  // The article itself, and a same-site page that points its canonical link at it and probes.
  const page = await context.newPage();
  await page.goto(article);
  await waitForTabId(worker, article);
  const probe = await context.newPage();
  await probe.goto(`${origin}/pages/hostile-oracle.html#${encodeURIComponent(JSON.stringify([article, `${origin}/nothing-saved.html`]))}`);
  await expect.poll(() => probe.evaluate(() => (window as unknown as { __oracle: { done?: boolean } }).__oracle.done === true), { timeout: 30_000 }).toBe(true);
  expect(await worker.evaluate(() => (globalThis as unknown as { __injections: string[] }).__injections)).toEqual([]);
});

test('F4: the page cannot read, press or rewrite the notice (mute, open, spoof, synthetic keys)', async ({ context, worker, extensionId, origin }) => {
  test.setTimeout(120_000);
  for (const attack of ['mute', 'open', 'spoof']) {
    const page = await context.newPage();
    const url = `${origin}/pages/hostile-force-open.html#${attack}`;
    await page.goto(url);
    await expect.poll(() => noticeText(page)).toContain('This page discusses overdose.');
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => document.querySelector('second-chance-notice')?.shadowRoot ?? null), attack).toBeNull();
    expect(await page.locator('second-chance-sidebar').count(), attack).toBe(0);
    expect(await noticeText(page), attack).toContain('This page discusses overdose.');
    expect(await noticeText(page), attack).not.toContain('1-555-0100');
    // Synthetic Escape / click on the host: ignored.
    await page.evaluate(() => {
      const host = document.querySelector('second-chance-notice')!;
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    expect(await noticeText(page), attack).toContain('This page discusses overdose.');
    await page.close();
  }
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByText('No muted sites.')).toBeVisible();
  void worker;
});

test('F5: the docked sidebar opens only from a real click and page CSS cannot make it invisible', async ({ context, worker, origin }) => {
  // Make the browser refuse its own panel, so the docked fallback is used.
  await worker.evaluate(() => {
    (chrome.sidePanel as unknown as { open: unknown }).open = () => Promise.reject(new Error('refused for the test'));
  });
  const page = await context.newPage();
  await page.goto(`${origin}/pages/hostile-clickjack.html?x=900&y=200`);
  await expect.poll(() => noticeText(page)).toContain('This page discusses');
  await page.waitForTimeout(1500);
  expect(await page.locator('second-chance-sidebar').count(), 'opened by the page itself').toBe(0);
  await clickNotice(page, 'Evidence and help');
  await expect(page.locator('second-chance-sidebar')).toHaveCount(1);
  const style = await page.locator('second-chance-sidebar').evaluate((el) => {
    const s = getComputedStyle(el);
    return { opacity: s.opacity, filter: s.filter, transform: s.transform, clipPath: s.clipPath, visibility: s.visibility, mixBlendMode: s.mixBlendMode };
  });
  expect(style).toEqual({ opacity: '1', filter: 'none', transform: 'none', clipPath: 'none', visibility: 'visible', mixBlendMode: 'normal' });
});

test('F6: "Delete all my data" clears every open tab and leaves no saved quote or note in the profile on disk', async ({ profileDir, origin }) => {
  test.setTimeout(120_000);
  let { context, worker, extensionId } = await openBrowser(profileDir);
  const url = `${origin}/pages/hostile-forensic.html`;
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await waitForTabId(worker, url);
  await selectOnPage(page, { text: FORENSIC_QUOTE });
  const panel = await sidebarFor(context, extensionId, tabId);
  await panel.getByRole('button', { name: 'Save selection' }).click();
  await expect(panel.getByText('Saved.', { exact: true })).toBeVisible();
  const library = await context.newPage();
  await library.goto(`chrome-extension://${extensionId}/library.html`);
  await library.getByLabel('Note').fill(NOTE);
  await library.getByRole('button', { name: 'Save changes' }).click();
  await expect(library.getByText('Saved', { exact: true })).toBeVisible();
  // The library links to the page itself; the quote's words go into a link only when asked.
  await expect(library.locator('li.card').getByRole('link').first()).toHaveAttribute('href', url);
  await expect(library.getByRole('button', { name: 'Open at the quote' })).toBeVisible();
  await expect.poll(() => badge(worker, tabId)).not.toBe('');
  expect(await noticeText(page)).toContain('This page discusses');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByText(/history and downloads/)).toBeVisible();
  await options.getByRole('button', { name: 'Delete all my data…' }).click();
  await options.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(options.getByText('All your data was deleted.')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => noticeText(page)).toBeNull();
  expect(await badge(worker, tabId)).toBe('');
  await library.reload();
  await expect(library.locator('li.card')).toHaveCount(0);
  await context.close();

  const grep = (needle: string) => {
    try {
      return execFileSync('grep', ['-rlaF', needle, profileDir], { encoding: 'utf8' }).trim();
    } catch {
      return ''; // grep exits 1 when nothing matches
    }
  };
  const found = { quote: grep(FORENSIC_QUOTE), note: grep('Vireo-Tamarind-4471') };
  console.log('F6 after wipe and close, files holding the quote / note:', JSON.stringify(found));
  expect(found).toEqual({ quote: '', note: '' });
});

/** Long tasks the page itself observed (PerformanceObserver in hostile-forum.html) after its own first build. */
async function pageLongTasks(page: Page, fromMs: number): Promise<{ count: number; worst: number; blocked: number }> {
  const tasks = (await page.evaluate(() => (window as unknown as { __lt: [number, number][] }).__lt)).filter(([start]) => start >= fromMs);
  return { count: tasks.length, worst: Math.max(0, ...tasks.map(([, d]) => d)), blocked: tasks.reduce((sum, [, d]) => sum + d, 0) };
}

test('F7: 25 saved quotes gone from a growing thread cost the page no long task, automatically or when shown (side by side)', async ({ context, worker, extensionId, origin }) => {
  test.setTimeout(180_000);
  const saved = `${origin}/pages/hostile-forum.html`;
  const later = `${saved}?utm_content=later`; // the same page (tracking parameter), now edited and growing
  const visit = async () => {
    const page = await context.newPage();
    const cost = await traceExtensionCost(context, page, async () => {
      await page.goto(later);
      await page.waitForTimeout(15_000);
    });
    const tasks = await pageLongTasks(page, 3000); // after the page's own build of 12,000 replies
    return { page, tasks, cost };
  };
  // Side by side in one browser: the same growing page with no saved quotes, then with 25 orphans.
  const before = await visit();
  await before.page.close();
  const rows = [];
  // Replies the thread no longer has (deleted by their authors): not even a fuzzy match is left.
  for (let i = 0; i < 25; i++) rows.push(await snippetRow(`Deleted post ${i}: my sister moved back to Ohio after detox and calls every Sunday evening at ${i} past six.`, saved));
  await addRows(context, extensionId, rows);
  const after = await visit();
  console.log('F7 growing thread over 12 s after its build, none saved vs 25 orphaned: page long tasks', JSON.stringify(before.tasks), JSON.stringify(after.tasks), 'extension trace', JSON.stringify(before.cost), JSON.stringify(after.cost));
  // The page's own layout of a 12,000-reply thread makes long tasks either way: ours add none.
  expect(after.cost.maxTaskMs, `longest: ${after.cost.longest}`).toBeLessThan(50);
  // Wall time on a shared machine is noisy; the old automatic anchoring blocked the page 3.4x longer (+12 s).
  expect(after.tasks.blocked, 'page time blocked with 25 orphaned quotes vs none').toBeLessThanOrEqual(before.tasks.blocked * 2 + 1000);

  // Shown on request: the search yields to the page and never holds it for 50 ms.
  const page = after.page;
  const tabId = await waitForTabId(worker, later);
  const panel = await sidebarFor(context, extensionId, tabId);
  const start = await page.evaluate(() => performance.now());
  const shown = await traceExtensionCost(context, page, async () => {
    await panel.getByRole('button', { name: 'Show my saved quotes on this page' }).click();
    await expect(panel.getByText('0 shown on the page, 25 not found.')).toBeVisible({ timeout: 30_000 });
  });
  const pageSide = await pageLongTasks(page, start);
  console.log('F7 shown on request: extension trace', JSON.stringify(shown), 'page long tasks', JSON.stringify(pageSide));
  expect(shown.maxTaskMs, `longest: ${shown.longest}`).toBeLessThan(50);
});

test('F7: the page keeps its own text nodes (a React-style app can still update them)', async ({ context, worker, extensionId, origin }) => {
  const url = `${origin}/pages/hostile-react.html`;
  await addRows(context, extensionId, [await snippetRow('We found a methadone clinic near us', url)]);
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await waitForTabId(worker, url);
  const panel = await sidebarFor(context, extensionId, tabId);
  await panel.getByRole('button', { name: 'Show my saved quotes on this page' }).click({ timeout: 5000 }).catch(() => undefined); // not there before issue 15
  await expect.poll(() => page.evaluate(() => (window as unknown as { __after?: string }).__after), { timeout: 15_000 }).toBeDefined();
  expect(await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors)).toEqual([]);
});

test('F8: the browser, not the page, says where a quote came from (javascript: canonical ignored)', async ({ context, worker, extensionId, origin }) => {
  const url = `${origin}/pages/hostile-swap.html`;
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await waitForTabId(worker, url);
  await selectOnPage(page, { text: 'Call 911 and give naloxone' });
  const panel = await sidebarFor(context, extensionId, tabId);
  await panel.getByRole('button', { name: 'Save selection' }).click();
  await expect(panel.getByText('Saved.', { exact: true })).toBeVisible();
  // The reader sees what was actually saved, listed under the page (a swapped selection shows here).
  await expect(panel.locator('.snippets blockquote')).toHaveCount(1);
  const rows = await storedSnippets(context, extensionId);
  expect(rows.map((r) => r.url)).toEqual([url]);
});

test('F9: topic words hidden by page CSS do not make the notice appear', async ({ context, worker, origin }) => {
  const url = `${origin}/pages/hostile-tracker.html`;
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await waitForTabId(worker, url);
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => (window as unknown as { __fp: { seen: unknown[] } }).__fp.seen)).toEqual([]);
  expect(await badge(worker, tabId)).toBe('');
});

test('F11: printing and saving the page keep neither the notice nor the reader’s quotes', async ({ context, worker, extensionId, origin }) => {
  test.setTimeout(90_000);
  const url = `${origin}/pages/hostile-observed.html`;
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await waitForTabId(worker, url);
  await expect.poll(() => noticeText(page)).toContain('This page discusses');
  await selectOnPage(page, { text: QUOTE });
  const panel = await sidebarFor(context, extensionId, tabId);
  await panel.getByRole('button', { name: 'Save selection' }).click();
  await expect(panel.getByText('Saved.', { exact: true })).toBeVisible();
  await page.reload();
  await expect.poll(() => noticeText(page)).toContain('This page discusses');
  await page.waitForTimeout(2000);
  await panel.reload();
  await panel.getByRole('button', { name: 'Show my saved quotes on this page' }).click({ timeout: 5000 }).catch(() => undefined); // not there before issue 15
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('second-chance-notice').evaluate((el) => getComputedStyle(el).display)).toBe('none');
  for (const el of await page.locator('second-chance-marks').all()) expect(await el.evaluate((e) => getComputedStyle(e).display)).toBe('none');
  await page.emulateMedia({ media: 'screen' });
  const cdp = await context.newCDPSession(page);
  const { data } = (await cdp.send('Page.captureSnapshot', { format: 'mhtml' })) as { data: string };
  const flat = data.replace(/=\r?\n/g, '');
  // The page's own copy of the quote, and no other: no wrapper, no copy in any element of ours.
  expect(flat).not.toContain('second-chance-mark>');
  expect(flat.split(QUOTE).length - 1).toBe(1);
});
