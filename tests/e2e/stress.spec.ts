/**
 * Stress (issue 8): a 10 MB page, a page that mutates for a minute, 50 tabs at once, 10,000
 * snippets, a full directory reseed under an open sidebar. Extension cost is read from Chrome
 * traces (CPU per task), never from wall-clock time: this machine is shared.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { corpusItem, seedText } from '../../tools/demo-server';
import { traceExtensionCost } from '../../tools/trace';
import { expect, noticeText, SEED_TOPICS, test, waitForTabId } from './fixtures';

// Long tests, independent of each other: let both workers take them.
test.describe.configure({ mode: 'parallel' });

/** A task longer than this is jank the reader can feel (RAIL). */
const TASK_BUDGET_MS = 50;

/** The analyses the worker stored, by page URL (chrome.storage.session, keys `tab:ID`). */
async function storedAnalyses(worker: Worker): Promise<Map<string, { topics: string[] }>> {
  const items = await worker.evaluate(() => chrome.storage.session.get(null));
  return new Map(Object.entries(items).filter(([key]) => key.startsWith('tab:')).map(([, v]) => [(v as { url: string }).url, v as { topics: string[] }]));
}

/** The worker answers a real extension-page request for a tab's analysis. */
async function workerAnswers(context: BrowserContext, extensionId: string, tabId: number) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const reply = await page.evaluate((id) => chrome.runtime.sendMessage({ type: 'getTabAnalysis', payload: { tabId: id } }), tabId);
  await page.close();
  return reply as { ok: boolean; data?: { analysis: { topics: string[] } | null } };
}

test('a 10 MB forum page gets its notice with no extension task over 50 ms', async ({ context, worker, origin }) => {
  test.setTimeout(120_000);
  const page = await context.newPage();
  const url = `${origin}/generated/forum-10000000.html`;
  const cost = await traceExtensionCost(context, page, async () => {
    await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
    await expect.poll(() => noticeText(page), { timeout: 60_000 }).toContain('This page discusses overdose.');
  });
  console.log('10 MB page:', JSON.stringify(cost));
  // The content script did run in the traced page (a broken trace would read zero).
  expect(cost.tasks).toBeGreaterThan(0);
  expect(cost.maxTaskMs, `longest: ${cost.longest}`).toBeLessThan(TASK_BUDGET_MS);
  expect((await storedAnalyses(worker)).get(url)?.topics).toEqual(['overdose']);
});

test('a page that mutates its DOM every few ms for a minute: no task over 50 ms, under 2% of the minute, notice found live, worker alive', async ({ context, worker, extensionId, origin }) => {
  test.setTimeout(180_000);
  const page = await context.newPage();
  const url = `${origin}/pages/live-ticker.html`;
  const MINUTE = 60_000;
  let ticksAtNotice = 0;
  const cost = await traceExtensionCost(context, page, async () => {
    await page.goto(url);
    // Overdose news starts 3 s after load; the re-read must happen while the ticker is still going.
    await expect.poll(() => noticeText(page), { timeout: 30_000 }).toContain('This page discusses overdose.');
    ticksAtNotice = await page.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
    await page.waitForTimeout(MINUTE - (await page.evaluate(() => performance.now())));
  });
  console.log('live ticker, one minute:', JSON.stringify(cost));
  // The page's own ticker kept running after the notice (timer every 5 ms: well over 1,000 ticks a minute even when throttled).
  const ticks = await page.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
  expect(ticks).toBeGreaterThan(1000);
  expect(ticks).toBeGreaterThan(ticksAtNotice + 500);
  expect(cost.tasks).toBeGreaterThan(0);
  expect(cost.maxTaskMs, `longest: ${cost.longest}`).toBeLessThan(TASK_BUDGET_MS);
  // The extension's whole main-thread time over the minute: under 2% of it.
  expect(cost.extensionMs).toBeLessThan(0.02 * MINUTE);
  expect(await noticeText(page)).toContain('This page discusses overdose.');
  const tabId = await waitForTabId(worker, url);
  const reply = await workerAnswers(context, extensionId, tabId);
  expect(reply.ok).toBe(true);
  expect(reply.data?.analysis?.topics).toEqual(['overdose']);
});

// Corpus pages the detector classifies as labelled (see `npm run eval:detect`), on and off topic.
const ON_TOPIC = ['en-003', 'en-006', 'en-011', 'en-013', 'en-057', 'en-064', 'en-066', 'en-072', 'en-076', 'en-091', 'en-097', 'en-009', 'es-002', 'es-008', 'es-012', 'es-013', 'es-024', 'en-002', 'en-067', 'en-078'];
const OFF_TOPIC = ['en-021', 'en-020', 'en-024', 'en-030', 'en-035', 'en-040', 'en-045', 'en-051', 'en-083', 'en-088', 'en-094', 'en-099', 'enx-002', 'enx-005', 'enx-011', 'enx-015', 'enx-020', 'enx-025', 'es-031', 'es-036', 'es-038', 'es-044', 'es-045'];

test('50 tabs opened at once: every on-topic tab gets its analysis and notice, off-topic ones none, the worker survives', async ({ context, worker, extensionId, origin }) => {
  test.setTimeout(180_000);
  const expected = new Map<string, string[]>([
    ...SEED_TOPICS.map(([id, topics]) => [`${origin}/seed/${id}.html`, topics] as [string, string[]]),
    ...ON_TOPIC.map((id) => [`${origin}/corpus/${id}.html`, [...corpusItem(id).labels].sort()] as [string, string[]]),
    ...OFF_TOPIC.map((id) => [`${origin}/corpus/${id}.html`, []] as [string, string[]]),
    [`${origin}/pages/nav-noise.html`, []],
    [`${origin}/corpus/en-025.html`, []],
  ]);
  expect(expected.size).toBe(50);
  for (const [, topics] of expected) topics.sort();
  // All at once: no await between the navigations.
  const pages = await Promise.all([...expected.keys()].map(async (url) => {
    const page = await context.newPage();
    await page.goto(url, { timeout: 120_000 });
    return [url, page] as [string, Page];
  }));
  await expect
    .poll(async () => { const stored = await storedAnalyses(worker); return [...expected.keys()].filter((u) => !stored.has(u)); }, { timeout: 90_000, message: 'pages without an analysis' })
    .toEqual([]);
  const stored = await storedAnalyses(worker);
  const wrong = [...expected].filter(([url, topics]) => JSON.stringify([...stored.get(url)!.topics].sort()) !== JSON.stringify(topics));
  expect(wrong.map(([url, topics]) => `${url}: expected ${topics}, got ${stored.get(url)!.topics}`)).toEqual([]);
  // The notice follows the analysis: shown exactly on the on-topic tabs.
  for (const [url, page] of pages) {
    if (expected.get(url)!.length) await expect.poll(() => noticeText(page), { message: url, timeout: 20_000 }).toContain('This page discusses');
  }
  for (const [url, page] of pages) if (!expected.get(url)!.length) expect(await noticeText(page), url).toBeNull();
  // No renderer or worker crashed, and the worker still answers an extension page.
  expect(pages.filter(([, page]) => page.isClosed())).toEqual([]);
  expect(context.serviceWorkers()).toContain(worker);
  const reply = await workerAnswers(context, extensionId, await waitForTabId(worker, `${origin}/seed/001.html`));
  expect(reply.data?.analysis?.topics).toEqual(['overdose']);
});

/** Sentences of seed 000 as they appear on the page (for quotes that anchor). */
function seedSentences(): string[] {
  return seedText('000')
    .split(/\n+/)
    .flatMap((p) => p.split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 40 && s.length < 300);
}

/**
 * `count` snippets written straight into the extension's IndexedDB ('second-chance', store
 * 'snippets', schema in src/data/db/database.ts), from an extension page once the database is seeded:
 * 200 different quotes from `pageUrl`, the rest from 40 other sites; snippet number
 * `noteAt(count)` has a note about a pharmacist, every (count/10)th is tagged 'court'.
 */
const noteAt = (count: number) => Math.floor(count * 0.7777);
async function addSnippets(context: BrowserContext, extensionId: string, pageUrl: string, count: number): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('combobox').first()).toBeVisible({ timeout: 60_000 });
  const added = await options.evaluate(
    ({ pageUrl, sentences, count, noteIndex }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('second-chance');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('snippets', 'readwrite');
          const store = tx.objectStore('snippets');
          const base = Date.UTC(2026, 0, 1);
          for (let i = 0; i < count; i++) {
            const onPage = i < 200; // 200 different quotes saved from one page: sentences, then their tails
            const tail = sentences[i % sentences.length].split(' ').slice(Math.floor(i / sentences.length)).join(' ');
            const quote = onPage ? tail : `Saved quote number ${i} about recovery, family and staying in touch with someone who uses.`;
            const url = onPage ? pageUrl : `https://site${i % 40}.example/thread/${i}`;
            store.add({
              quote,
              prefix: '',
              suffix: '',
              position: { start: 0, end: quote.length },
              url,
              title: `Thread ${i}`,
              site: new URL(url).hostname,
              savedAt: base + i * 60_000,
              topics: [(['overdose', 'tough_love', 'treatment'] as const)[i % 3]],
              claims: [],
              cardIds: [],
              note: i === noteIndex ? 'Ask the pharmacist about the nasal spray' : '',
              tags: i % (count / 10) === 0 ? ['court'] : [],
            });
          }
          tx.oncomplete = () => {
            db.close();
            resolve(count);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { pageUrl, sentences: seedSentences(), count, noteIndex: noteAt(count) },
  );
  expect(added).toBe(count);
  await options.close();
}

test('among 10,000 snippets, a page with 200 saved quotes costs nothing on its own and shows them on request with no extension task over 50 ms', async ({ context, worker, extensionId, origin }) => {
  test.setTimeout(120_000);
  const pageUrl = `${origin}/seed/000.html`;
  await addSnippets(context, extensionId, pageUrl, 10_000);
  const page = await context.newPage();
  await page.goto(pageUrl);
  await expect.poll(() => noticeText(page)).toContain('This page discusses');
  const tabId = await waitForTabId(worker, pageUrl);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  const cost = await traceExtensionCost(context, page, async () => {
    await panel.getByRole('button', { name: 'Show my saved quotes on this page' }).click();
    await expect(panel.getByText(/^\d+ shown on the page, \d+ not found\.$/)).toBeVisible({ timeout: 60_000 });
  });
  const shown = Number((await panel.getByText(/shown on the page/).textContent())!.split(' ')[0]);
  console.log('page with 200 saved quotes, shown on request:', JSON.stringify(cost), 'shown:', shown);
  expect(shown).toBeGreaterThan(100);
  expect(cost.tasks).toBeGreaterThan(0);
  expect(cost.maxTaskMs, `longest: ${cost.longest}`).toBeLessThan(TASK_BUDGET_MS);
});

const LIBRARY_SNIPPETS = Number(process.env.STRESS_LIBRARY_SNIPPETS ?? 10_000);

test(`the library opens, lists, searches and filters ${LIBRARY_SNIPPETS} snippets`, async ({ context, extensionId, origin }) => {
  test.setTimeout(180_000);
  await addSnippets(context, extensionId, `${origin}/seed/000.html`, LIBRARY_SNIPPETS);
  const library = await context.newPage();
  await library.goto(`chrome-extension://${extensionId}/library.html`);
  const cards = library.locator('li.card');
  // A reader waits seconds, not minutes, for the library to show something.
  await expect(cards.first()).toBeVisible({ timeout: 30_000 });
  // Cards are drawn a hundred at a time (all of them at once froze the page for minutes).
  await expect(library.getByText(`Showing 100 of ${LIBRARY_SNIPPETS}.`)).toBeVisible();
  await expect(cards).toHaveCount(100);
  await library.getByRole('button', { name: 'Show 100 more' }).click();
  await expect(cards).toHaveCount(200);
  // Typing a query finds the one snippet whose note mentions it.
  await library.getByLabel('Search snippets').fill('pharmacist nasal');
  await expect(cards).toHaveCount(1, { timeout: 30_000 });
  await expect(cards.first()).toContainText(`Saved quote number ${noteAt(LIBRARY_SNIPPETS)} `);
  await library.getByLabel('Search snippets').fill('');
  await library.getByLabel('Filter by tag').selectOption('court');
  await expect(cards).toHaveCount(10, { timeout: 30_000 });
  await library.getByRole('combobox', { name: /^Site/ }).selectOption('site0.example');
  // Tagged ones are on site0 (their index is a multiple of 40) unless among the first 200, saved from the seed page.
  const onSite0 = Array.from({ length: 10 }, (_, k) => (k * LIBRARY_SNIPPETS) / 10).filter((i) => i >= 200).length;
  await expect(cards).toHaveCount(onSite0, { timeout: 30_000 });
});

test('a full directory reseed while the sidebar is open: it keeps listing Denver programs throughout and after', async ({ context, extensionId }) => {
  test.setTimeout(180_000);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Country for emergency numbers and helplines').selectOption('US');
  await options.getByLabel('US ZIP code (for nearby help; stays on this device)').fill('80202');
  await options.getByRole('button', { name: 'Save location' }).click();
  await expect(options.getByText('Location saved: ZIP 80202.')).toBeVisible({ timeout: 60_000 });

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const places = panel.locator('ol.places > li');
  await expect(places).toHaveCount(10, { timeout: 30_000 });
  await expect(places.first()).toContainText('Denver');

  /** The stored dataset version and when it was seeded, read from the extension's IndexedDB. */
  const meta = (page: Page, write?: string) =>
    page.evaluate(
      (version) =>
        new Promise<{ version: unknown; seededAt: unknown }>((resolve, reject) => {
          const open = indexedDB.open('second-chance');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('meta', version ? 'readwrite' : 'readonly');
            const store = tx.objectStore('meta');
            if (version) store.put({ key: 'datasetVersion', value: version });
            const v = store.get('datasetVersion');
            const s = store.get('seededAt');
            tx.oncomplete = () => {
              db.close();
              resolve({ version: v.result?.value, seededAt: s.result?.value });
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      write,
    );
  const before = await meta(options);
  // An older dataset version is stored: the next extension document to open the database reseeds
  // every reference table from the bundle (openDatabase -> ensureSeeded), as after an update.
  await meta(options, 'an-older-dataset');

  // Sample the open sidebar all through the reseed, and make it query mid-reseed by switching the filter.
  const samples: string[] = [];
  const sampledAt: number[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const rows = await places.allTextContents();
      samples.push(`${rows.length}:${rows[0] ?? ''}`);
      sampledAt.push(Date.now());
      await panel.waitForTimeout(50);
    }
  })();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`); // opening the database here reseeds
  await panel.getByLabel('Show', { exact: true }).selectOption('methadone');
  await expect.poll(async () => (await meta(options)).version, { timeout: 90_000 }).toBe(before.version);
  const after = await meta(options);
  expect(after.seededAt).toBeGreaterThan(before.seededAt as number);
  await expect(popup.locator('ol.places > li').first()).toContainText('Denver', { timeout: 30_000 });
  await panel.getByLabel('Show', { exact: true }).selectOption('all');
  await expect(places).toHaveCount(10);
  await expect(places.first()).toContainText('Denver');
  sampling = false;
  await sampler;
  // Never empty, never another city: every sample during and after the reseed lists Denver.
  // Sampled while the reseed ran (before it committed) and after.
  console.log(`reseed: ${samples.length} samples, ${sampledAt.filter((t) => t < (after.seededAt as number)).length} before the reseed committed`);
  expect(sampledAt.filter((t) => t < (after.seededAt as number)).length).toBeGreaterThan(0);
  expect(sampledAt.filter((t) => t > (after.seededAt as number)).length).toBeGreaterThan(0);
  expect(samples.filter((s) => !/^\d+:.*Denver/.test(s) || s.startsWith('0:'))).toEqual([]);
  await panel.getByLabel('Show', { exact: true }).selectOption('methadone');
  await expect(places.first()).toContainText('Comprehensive Behav Health Center - Methadone Maintenance');
  expect(panel.isClosed()).toBe(false);
});
