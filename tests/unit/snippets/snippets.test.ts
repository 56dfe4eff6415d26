import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSnippetService } from '../../../src/background/snippets';
import { TabAnalyses } from '../../../src/background/tab-analyses';
import { SecondChanceDB } from '../../../src/data/db/database';
import { seedReferenceData } from '../../../src/data/db/seed';
import { csvCell, importSnippets, toExportFile, toMarkdown } from '../../../src/data/snippets/export';
import { SnippetCapture } from '../../../src/data/snippets/schema';
import { addSnippet, deleteSnippet, restoreSnippet, searchSnippets, snippetsForPage, updateSnippet } from '../../../src/data/snippets/repository';
import { cleanUrl, pageUrlFor, sameSite } from '../../../src/shared/snippets/url';
import { pageCitation, toCsv } from '../../../src/data/snippets/export';
import { textFragmentUrl } from '../../../src/shared/snippets/url';
import { smallDataset } from '../../support/dataset';

let db: SecondChanceDB;
let n = 0;
const fresh = () => (db = new SecondChanceDB(`snippets-${n++}`));
afterEach(async () => db?.delete());

const capture = (exact: string, url = 'https://example.org/story?utm_source=x&id=7&fbclid=abc#comments') => ({
  quote: { exact, prefix: 'before ', suffix: ' after' },
  position: { start: 10, end: 10 + exact.length },
  url,
  title: 'A story',
});
const context = { topics: ['overdose' as const], claims: [], cardIds: ['overdose-response'] };

describe('cleanUrl', () => {
  it('drops tracking parameters and the fragment, keeps the rest', () => {
    expect(cleanUrl('https://example.org/a?utm_source=fb&utm_medium=x&page=2&fbclid=1&gclid=2#top')).toBe('https://example.org/a?page=2');
    expect(cleanUrl('not a url')).toBe('not a url');
  });
});

describe('snippet repository', () => {
  it('saves a quote with its context under the clean (or canonical) URL', async () => {
    fresh();
    const id = await addSnippet(db, capture('Naloxone gave him a second chance.'), context, 1_700_000_000_000);
    expect(await db.snippets.get(id)).toMatchObject({
      quote: 'Naloxone gave him a second chance.',
      prefix: 'before ',
      suffix: ' after',
      url: 'https://example.org/story?id=7',
      site: 'example.org',
      topics: ['overdose'],
      cardIds: ['overdose-response'],
      note: '',
      tags: [],
    });
    // The background resolves the URL (browser's URL, canonical only on the same site) before saving.
    await addSnippet(db, { ...capture('Another.'), url: pageUrlFor('https://example.org/other', 'https://example.org/canonical')! }, context);
    expect((await snippetsForPage(db, 'https://example.org/story?id=7&utm_campaign=z')).map((s) => s.quote)).toEqual(['Naloxone gave him a second chance.']);
    expect((await snippetsForPage(db, 'https://example.org/other', 'https://example.org/canonical')).map((s) => s.quote)).toEqual(['Another.']);
  });

  it('finds snippets by words in quote, note, title or tag, newest first, and filters by tag', async () => {
    fresh();
    const a = await addSnippet(db, capture('Keep naloxone at home.'), context, 1);
    const b = await addSnippet(db, capture('CRAFT helped our family.'), context, 2);
    await updateSnippet(db, a, { note: 'for Dad', tags: ['naloxone', 'family'] });
    await updateSnippet(db, b, { tags: ['family'] });
    expect((await searchSnippets(db)).map((s) => s.id)).toEqual([b, a]);
    expect((await searchSnippets(db, { query: 'dad naloxone' })).map((s) => s.id)).toEqual([a]);
    expect((await searchSnippets(db, { tag: 'family' })).length).toBe(2);
    expect((await searchSnippets(db, { query: 'craft', tag: 'naloxone' })).length).toBe(0);
    expect((await searchSnippets(db, { topic: 'overdose', site: 'example.org' })).length).toBe(2);
    expect((await searchSnippets(db, { site: 'other.org' })).length).toBe(0);
    expect((await searchSnippets(db, { from: '1970-01-01', to: '1970-01-01' })).length).toBe(2);
    expect((await searchSnippets(db, { from: '2000-01-01' })).length).toBe(0);
  });

  it('refuses invalid edits without changing anything, and undoes a delete', async () => {
    fresh();
    const id = await addSnippet(db, capture('Quote'), context);
    await expect(updateSnippet(db, id, { tags: ['x'.repeat(41)] })).rejects.toThrow();
    expect((await db.snippets.get(id))?.tags).toEqual([]);
    const removed = await deleteSnippet(db, id);
    expect(await db.snippets.count()).toBe(0);
    await restoreSnippet(db, removed!);
    expect(await db.snippets.get(id)).toMatchObject({ quote: 'Quote' });
  });
});

describe('export and import', () => {
  it('round-trips through the export file, skipping snippets already in the library', async () => {
    fresh();
    await addSnippet(db, capture('One'), context, 1);
    await addSnippet(db, capture('Two'), context, 2);
    const file = JSON.stringify(toExportFile(await searchSnippets(db)));
    expect(await importSnippets(db, file)).toEqual({ ok: true, added: 0, skipped: 2 });
    const other = new SecondChanceDB(`snippets-${n++}`);
    expect(await importSnippets(other, file)).toEqual({ ok: true, added: 2, skipped: 0 });
    expect((await searchSnippets(other)).map((s) => s.quote)).toEqual(['Two', 'One']);
    await other.delete();
    const markdown = toMarkdown(await searchSnippets(db));
    expect(markdown.startsWith('## A story\n\n')).toBe(true);
    expect(markdown).toContain('> Two\n\n*A story.* (n.d.). example.org. Retrieved January 1, 1970, from <https://example.org/story?id=7>\n\nOpen at the quote: <https://example.org/story?id=7#:~:text=');
  });

  it('rejects a malformed file with a clear error and writes nothing', async () => {
    fresh();
    await addSnippet(db, capture('Keep me'), context);
    expect(await importSnippets(db, '{ not json')).toEqual({ ok: false, reason: 'not-json' });
    const bad = toExportFile([]);
    const broken = { ...bad, snippets: [{ quote: 'x' }] };
    const result = await importSnippets(db, JSON.stringify(broken));
    expect(result).toMatchObject({ ok: false, reason: 'not-snippets', detail: expect.stringMatching(/^ at snippets\.0\./) });
    expect(await db.snippets.count()).toBe(1);
  });
});

describe('saving a selection (background)', () => {
  const setup = async (reply: unknown, isPrivate = false, tabUrl = 'https://example.org/story?utm_source=x') => {
    fresh();
    await seedReferenceData(db, smallDataset());
    const tabs = new TabAnalyses();
    await tabs.set(3, {
      url: 'https://example.org/story', title: 'Story', lang: 'en', topics: ['overdose'], scores: { overdose: 20, tough_love: 0, treatment: 0 },
      claims: ['naloxone_enables_use'], phrases: [{ phrase: 'naloxone', topic: 'overdose', count: 4 }], textLength: 1000,
    });
    const tellTab = vi.fn(async (_tab: number, command: { type: string }) => (command.type === 'captureSelection' ? reply : { placed: [], orphaned: [] }));
    const confirmSave = vi.fn();
    const service = createSnippetService({ db: async () => db, tabs, tellTool: tellTab, snippetsChanged: vi.fn(), tabUrl: async () => tabUrl, confirmSave, isPrivate: async () => isPrivate });
    return { service, tellTab, confirmSave };
  };

  it('stores the selection with the page’s topics, claims and the cards shown', async () => {
    const { service, tellTab, confirmSave } = await setup(capture('Naloxone does not make people use more.', 'https://example.org/story'));
    const outcome = await service.saveSelection(3);
    expect(outcome).toMatchObject({ saved: true });
    const [row] = await db.snippets.toArray();
    expect(row).toMatchObject({ topics: ['overdose'], claims: ['naloxone_enables_use'] });
    expect(row.cardIds[0]).toBe('naloxone-encourages-use');
    expect(row.url).toBe('https://example.org/story');
    // Confirmed on the toolbar badge; nothing but the capture is sent to the page.
    expect(confirmSave).toHaveBeenCalledWith(3, 'saved');
    expect(tellTab.mock.calls.map(([, c]) => c.type)).toEqual(['captureSelection']);
  });

  it('remembers which saved quotes the page tool could not place, ignoring ids it was not asked about', async () => {
    const { service } = await setup(capture('Kept quote.', 'https://example.org/story'));
    const saved = await service.saveSelection(3);
    const id = saved.saved ? saved.id : -1;
    const tabs = new TabAnalyses();
    const orphanService = createSnippetService({
      db: async () => db, tabs, snippetsChanged: vi.fn(), tabUrl: async () => 'https://example.org/story', confirmSave: vi.fn(), isPrivate: async () => false,
      tellTool: vi.fn(async () => ({ placed: [], orphaned: [id, 999, 'x'] })),
    });
    expect(await orphanService.showSaved(3, true)).toEqual({ shown: 0, missing: 1 });
    expect(tabs.orphansOf(3)).toEqual([id]);
  });

  it('does not save from a private window unless the reader confirms', async () => {
    const { service } = await setup(capture('Private words.', 'https://example.org/story'), true);
    expect(await service.saveSelection(3)).toEqual({ saved: false, reason: 'private' });
    expect(await db.snippets.count()).toBe(0);
    expect(await service.saveSelection(3, true)).toMatchObject({ saved: true });
    expect(await db.snippets.count()).toBe(1);
  });

  it('says when nothing is selected, and rejects a capture the page tampered with', async () => {
    expect(await (await setup({ error: 'no-selection' })).service.saveSelection(3)).toEqual({ saved: false, reason: 'no-selection' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const tampered = { ...capture('x'), quote: { exact: 'x', prefix: 'p'.repeat(500), suffix: '' } };
    expect(await (await setup(tampered)).service.saveSelection(3)).toEqual({ saved: false, reason: 'invalid' });
    expect(await db.snippets.count()).toBe(0);
    warn.mockRestore();
  });
});


describe('links, citations and CSV', () => {
  it('builds a text-fragment link with context, encoding dashes and commas', () => {
    expect(textFragmentUrl('https://e.org/a#x', 'saving a life', 'It is not enabling it is', '. Its not')).toBe(
      'https://e.org/a#:~:text=it%20is-,saving%20a%20life,-.%20Its',
    );
    expect(textFragmentUrl('https://e.org/a', 'one two three four five six seven eight nine ten')).toBe(
      'https://e.org/a#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten',
    );
    expect(textFragmentUrl('https://e.org/a', 'well-known, sure')).toBe('https://e.org/a#:~:text=well%2Dknown%2C%20sure');
  });

  it('cites the page APA-style and neutralises formula cells in CSV', async () => {
    fresh();
    const id = await addSnippet(db, capture('=HYPERLINK("http://evil")'), context, Date.UTC(2026, 10, 23));
    await updateSnippet(db, id, { note: 'line one\nline "two", here', tags: ['@risk'] });
    const [s] = await searchSnippets(db);
    // APA 7, no author or date: title in the author's place, (n.d.), site, retrieval date, plain URL.
    expect(pageCitation(s)).toBe('A story. (n.d.). example.org. Retrieved November 23, 2026, from https://example.org/story?id=7');
    expect(pageCitation(s, 'es')).toBe('A story. (n.d.). example.org. Recuperado el 23 de noviembre de 2026, de https://example.org/story?id=7');
    const csv = toCsv([s]);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe('quote,note,tags,title,url,site,saved,topics,link,citation');
    expect(row.startsWith(`"'=HYPERLINK(""http://evil"")","line one\nline ""two"", here","'@risk",`)).toBe(true);
    expect(row.endsWith(`,"${pageCitation(s)}"`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('F10: Markdown escapes HTML, link and heading syntax and lone CRs; URLs are autolinks for http(s) only', () => {
    const s = {
      id: 1, quote: 'Call us\r# Injected heading\r<script>alert(1)</script>', prefix: '', suffix: '', position: { start: 0, end: 5 },
      url: 'https://example.org/a', title: 'Nice title\n\n<script>alert(1)</script>\n[Call us](https://evil.invalid)', site: 'example.org',
      savedAt: Date.UTC(2026, 0, 2), topics: [], claims: [], cardIds: [], note: '\n# Heading\n<img src=x onerror=alert(2)>', tags: ['*bold*'],
    };
    const md = toMarkdown([s]);
    expect(md).not.toMatch(/<script|<img|\]\(https:\/\/evil/);
    expect(md).not.toContain('\r');
    expect(md).not.toMatch(/^#\s*(Injected|Heading)/m);
    expect(md).toContain('> Call us\n> \\# Injected heading\n> &lt;script&gt;alert\\(1\\)&lt;/script&gt;');
    expect(md).toContain('\\[Call us\\]\\(https://evil.invalid\\)');
    expect(md).toContain('<https://example.org/a>');
  });

  it('F10: CSV neutralises a formula after any separator a spreadsheet may split on (;= in Spanish Excel)', () => {
    expect(csvCell('Read more;=1+1')).toBe(`"Read more;'=1+1"`);
    expect(csvCell('ok; =cmd|calc!A0')).toBe(`"ok; '=cmd|calc!A0"`);
    expect(csvCell('Title,@SUM(A1)')).toBe(`"Title,'@SUM(A1)"`);
    expect(csvCell('a|+1')).toBe(`"a|'+1"`);
    expect(csvCell('=1')).toBe(`"'=1"`);
    expect(csvCell('plain text, no formula')).toBe('"plain text, no formula"');
  });

  it('F8/F10: only http(s) pages are stored or imported, and imported arrays are bounded', async () => {
    fresh();
    const row = { quote: 'q', prefix: '', suffix: '', position: { start: 0, end: 1 }, url: 'https://example.org/a', title: 't', site: 'example.org', savedAt: 1, topics: [], claims: [], cardIds: [], note: '', tags: [] };
    for (const url of ['javascript:alert(document.domain)//', 'data:text/html,x', 'file:///etc/passwd', 'chrome://settings', 'vbscript:x', 'about:blank', 'mailto:a@b.c']) {
      const result = await importSnippets(db, JSON.stringify({ ...toExportFile([]), snippets: [{ ...row, url }] }));
      expect(result, url).toMatchObject({ ok: false, reason: 'not-snippets', detail: expect.stringContaining('only http(s) URLs') });
    }
    expect(await importSnippets(db, JSON.stringify({ ...toExportFile([]), snippets: [{ ...row, cardIds: Array.from({ length: 100_000 }, (_, i) => `c${i}`) }] }))).toMatchObject({ ok: false });
    expect(await importSnippets(db, JSON.stringify({ ...toExportFile([]), snippets: [{ ...row, claims: ['x'.repeat(5_000_000)] }] }))).toMatchObject({ ok: false });
    expect(await db.snippets.count()).toBe(0);
    // A page's non-web canonical link is dropped (the capture itself stays usable).
    const capture = SnippetCapture.safeParse({ quote: { exact: 'q', prefix: '', suffix: '' }, position: { start: 0, end: 1 }, canonicalUrl: 'javascript:alert(1)//', title: 't' });
    expect(capture.success && capture.data.canonicalUrl).toBeUndefined();
  });

  it('F2/F8: the page URL is the browser’s; a canonical link counts only on the same site, and only http(s)', () => {
    expect(pageUrlFor('https://www.example.org/a?utm_source=x', 'https://example.org/b')).toBe('https://example.org/b');
    expect(pageUrlFor('https://attacker.example/copy', 'https://news.example.org/story')).toBe('https://attacker.example/copy');
    expect(pageUrlFor('https://a.example.org/x', 'https://b.example.org/x')).toBe('https://a.example.org/x');
    expect(pageUrlFor('https://example.org/x', 'javascript:alert(1)//')).toBe('https://example.org/x');
    expect(pageUrlFor('file:///home/me/page.html')).toBeUndefined();
    expect(pageUrlFor(undefined, 'https://example.org/b')).toBeUndefined();
    expect(sameSite('http://127.0.0.1:8000/a', 'http://127.0.0.1:9000/a')).toBe(false);
  });

  it('issue 12 item 8: a fragment never uses half a word of context (fragments match whole words)', () => {
    // 32 characters of prefix cut mid-word: the partial first word is dropped.
    expect(textFragmentUrl('https://e.org/a', 'saving a life', 'ouldn’t call it enabling; it is ', ' today')).toBe('https://e.org/a#:~:text=it%20is-,saving%20a%20life,-today');
    // A quote that starts its paragraph has no prefix (the page tool keeps context inside the block).
    expect(textFragmentUrl('https://e.org/a', 'Call 911 first.', '', ' Then give naloxone')).toBe('https://e.org/a#:~:text=Call%20911%20first.,-Then%20give');
  });

  it('refuses an export of an unknown version', async () => {
    fresh();
    const result = await importSnippets(db, JSON.stringify({ format: 'second-chance-snippets', version: 9, snippets: [] }));
    expect(result).toEqual({ ok: false, reason: 'wrong-version', detail: '9' });
  });
});
