import type { SecondChanceDB } from '../db/database';
import { Snippet, Tag, type SnippetCapture } from './schema';
import { cleanUrl } from './url';

export interface PageContext {
  topics: Snippet['topics'];
  claims: string[];
  cardIds: string[];
}

/** Save a captured selection with the page's context at this moment. Validated before writing. */
export async function addSnippet(db: SecondChanceDB, capture: SnippetCapture, context: PageContext, now = Date.now()): Promise<number> {
  const url = cleanUrl(capture.canonicalUrl ?? capture.url);
  const snippet = Snippet.parse({
    quote: capture.quote.exact,
    prefix: capture.quote.prefix,
    suffix: capture.quote.suffix,
    position: capture.position,
    url,
    title: capture.title,
    site: new URL(url).hostname,
    savedAt: now,
    ...context,
    note: '',
    tags: [],
  });
  return db.snippets.add(snippet);
}

/** Snippets saved on a page (matched on the cleaned URL, with or without the canonical link). */
export async function snippetsForPage(db: SecondChanceDB, pageUrl: string, canonicalUrl?: string): Promise<Snippet[]> {
  const urls = [...new Set([cleanUrl(pageUrl), ...(canonicalUrl ? [cleanUrl(canonicalUrl)] : [])])];
  return db.snippets.where('url').anyOf(urls).sortBy('savedAt');
}

/** Newest first; a query matches quote, note, title, site and tags (all words must match). */
export async function searchSnippets(db: SecondChanceDB, query = '', tag?: string): Promise<Snippet[]> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const all = await db.snippets.orderBy('savedAt').reverse().toArray();
  return all.filter((s) => {
    if (tag && !s.tags.includes(tag)) return false;
    const haystack = [s.quote, s.note, s.title, s.site, ...s.tags].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

export async function updateSnippet(db: SecondChanceDB, id: number, patch: { note?: string; tags?: string[] }): Promise<void> {
  const current = await db.snippets.get(id);
  if (!current) throw new Error(`snippet ${id} not found`);
  const tags = patch.tags ? [...new Set(patch.tags.map((t) => Tag.parse(t)))] : current.tags;
  await db.snippets.put(Snippet.parse({ ...current, ...patch, tags }));
}

/** Delete and hand back the row, so the UI can offer "undo". */
export async function deleteSnippet(db: SecondChanceDB, id: number): Promise<Snippet | undefined> {
  return db.transaction('rw', db.snippets, async () => {
    const row = await db.snippets.get(id);
    await db.snippets.delete(id);
    return row;
  });
}

export async function restoreSnippet(db: SecondChanceDB, snippet: Snippet): Promise<void> {
  await db.snippets.put(Snippet.parse(snippet));
}

export async function allTags(db: SecondChanceDB): Promise<string[]> {
  return (await db.snippets.orderBy('tags').uniqueKeys()).map(String).sort();
}
