import type { SecondChanceDB } from '../db/database';
import { Snippet, Tag, type SnippetCapture } from './schema';
import { filterSnippets, type SnippetFilter } from '../../shared/snippets/search';
import { cleanUrl } from '../../shared/snippets/url';

export interface PageContext {
  topics: Snippet['topics'];
  claims: string[];
  cardIds: string[];
}

/**
 * Save a captured selection with the page's context at this moment. Validated before writing.
 * `capture.url` is where the browser says the reader is (see pageUrlFor), never the page's own claim.
 */
export async function addSnippet(db: SecondChanceDB, capture: SnippetCapture & { url: string }, context: PageContext, now = Date.now()): Promise<number> {
  const url = cleanUrl(capture.url);
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

/** The whole library, newest first. */
export async function allSnippets(db: SecondChanceDB): Promise<Snippet[]> {
  return db.snippets.orderBy('savedAt').reverse().toArray();
}

/** Newest first, filtered (see filterSnippets). */
export async function searchSnippets(db: SecondChanceDB, filter: SnippetFilter = {}): Promise<Snippet[]> {
  return filterSnippets(await allSnippets(db), filter);
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
