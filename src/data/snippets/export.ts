import type { SecondChanceDB } from '../db/database';
import { isQuotaExceeded } from '../db/open';
import { Snippet, SnippetExport } from './schema';
import type { NaloxoneKit } from '../naloxone-kits';
import { textFragmentUrl } from '../../shared/snippets/url';

/** The JSON export: the snippets and, when given, the reader's naloxone kits. */
export function toExportFile(snippets: Snippet[], now = new Date(), naloxoneKits?: NaloxoneKit[]): SnippetExport {
  return { format: 'second-chance-snippets', version: 1, exportedAt: now.toISOString(), snippets, ...(naloxoneKits ? { naloxoneKits } : {}) };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const link = (s: Snippet) => textFragmentUrl(s.url, s.quote, s.prefix, s.suffix);

export type CitationLanguage = 'en' | 'es';

/** "December 3, 2026" / "3 de diciembre de 2026", as APA writes retrieval dates. */
function longDate(ms: number, lang: CitationLanguage): string {
  return new Intl.DateTimeFormat(lang === 'es' ? 'es' : 'en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(ms);
}

/** The site's name as a reader knows it: the host without "www.". */
const siteName = (s: Snippet) => (s.site || new URL(s.url).hostname).replace(/^www\./, '');

/**
 * APA 7 reference for a web page with no author or date: the title takes the author's place,
 * then (n.d.), the site's name, and a retrieval date (the page can change) with the plain URL.
 * `title` lets Markdown italicise the title.
 */
export function pageCitation(s: Snippet, lang: CitationLanguage = 'en', title: (t: string) => string = (t) => t): string {
  const raw = (s.title || s.url).trim();
  const titled = /[.?!]$/.test(raw) ? raw : `${raw}.`;
  const retrieved = lang === 'es' ? `Recuperado el ${longDate(s.savedAt, lang)}, de ${s.url}` : `Retrieved ${longDate(s.savedAt, lang)}, from ${s.url}`;
  return `${title(titled)} (n.d.). ${siteName(s)}. ${retrieved}`;
}

/** Page text for Markdown: no raw HTML, no link, emphasis or heading syntax, no lone CR line breaks. */
export function markdownText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
    .replace(/[\\`*_[\]()#!|~]/g, (c) => `\\${c}`);
}

/** A URL for Markdown: an autolink, only for http(s) (anything else is shown as text). */
const markdownUrl = (url: string) => (/^https?:\/\//i.test(url) ? `<${new URL(url).href}>` : markdownText(url));

/** A readable copy for sharing, grouped by page: each quote with its citation, tags and note. */
export function toMarkdown(snippets: Snippet[], lang: CitationLanguage = 'en'): string {
  const pages = new Map<string, Snippet[]>();
  for (const s of snippets) pages.set(s.url, [...(pages.get(s.url) ?? []), s]);
  return [...pages.values()]
    .map((group) => {
      const quotes = group.map((s) => {
        const citation = pageCitation({ ...s, title: markdownText(s.title), url: '\u0000' }, lang, (t) => `*${t}*`).replace('\u0000', markdownUrl(s.url));
        const lines = [`> ${markdownText(s.quote).replace(/\n/g, '\n> ')}`, '', citation, '', `${lang === 'es' ? 'Abrir en la cita' : 'Open at the quote'}: ${markdownUrl(link(s))}`];
        if (s.tags.length) lines.push('', `Tags: ${s.tags.map(markdownText).join(', ')}`);
        if (s.note) lines.push('', `Note: ${markdownText(s.note)}`);
        return lines.join('\n');
      });
      return [`## ${markdownText(group[0].title || group[0].url)}`, ...quotes].join('\n\n');
    })
    .join('\n\n');
}

/**
 * RFC 4180 CSV with every cell quoted. A spreadsheet must never run a cell as a formula: one that
 * starts with = + - @ (or a tab/CR) gets a leading apostrophe, and so does such a character after
 * any separator a spreadsheet might split on (comma, semicolon as in Spanish Excel, tab, pipe).
 */
export function csvCell(value: string): string {
  const guarded = value.replace(/(^|[;,\t\r\n|])(\s*)([=+\-@])/g, "$1$2'$3").replace(/^[\t\r]/, "'$&");
  return `"${guarded.replace(/"/g, '""')}"`;
}

export function toCsv(snippets: Snippet[], lang: CitationLanguage = 'en'): string {
  const header = ['quote', 'note', 'tags', 'title', 'url', 'site', 'saved', 'topics', 'link', 'citation'];
  const rows = snippets.map((s) => [s.quote, s.note, s.tags.join('; '), s.title, s.url, s.site, day(s.savedAt), s.topics.join('; '), link(s), pageCitation(s, lang)]);
  return [header.join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\r\n') + '\r\n';
}

/** Why an import was refused; the library says each in the reader's language (nothing is imported in any case). */
export type ImportFailure = 'too-large' | 'not-json' | 'wrong-version' | 'not-snippets' | 'storage-full' | 'write-failed';

/** `detail`: the version found (wrong-version), or where and what was wrong (not-snippets). */
export type ImportResult = { ok: true; added: number; skipped: number } | { ok: false; reason: ImportFailure; detail?: string };

/**
 * Read an export file. Nothing is written unless the whole file is valid; snippets already in the
 * library (same page, quote and time) are skipped, never overwritten.
 */
/** Larger than any real library (10,000 snippets with notes is a few MB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export async function importSnippets(db: SecondChanceDB, text: string): Promise<ImportResult> {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, reason: 'too-large' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const version = (data as { version?: unknown })?.version;
  if ((data as { format?: unknown })?.format === 'second-chance-snippets' && version !== 1) {
    // Only a short number or string goes into the message: String() of a deeply nested array recurses.
    const shown = typeof version === 'number' || typeof version === 'string' ? String(version).slice(0, 20) : typeof version;
    return { ok: false, reason: 'wrong-version', detail: shown };
  }
  const parsed = SnippetExport.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, reason: 'not-snippets', detail: `${where}: ${issue.message}`.slice(0, 300) };
  }
  try {
    return await db.transaction('rw', db.snippets, db.naloxoneKits, async () => {
      // Kits already recorded (same place, date and time added) are skipped, like snippets.
      const kitKey = (k: NaloxoneKit) => `${k.place}\u0000${k.expires}\u0000${k.addedAt}`;
      const kitsSeen = new Set((await db.naloxoneKits.toArray()).map(kitKey));
      const kits = (parsed.data.naloxoneKits ?? []).filter((k) => !kitsSeen.has(kitKey(k)) && !!kitsSeen.add(kitKey(k))).map(({ id: _id, ...rest }) => rest);
      await db.naloxoneKits.bulkAdd(kits);
      // Seen keys grow as rows are taken, so a file listing the same snippet twice adds it once.
      const seen = new Set((await db.snippets.toArray()).map(key));
      const fresh = parsed.data.snippets
        .filter((s) => !seen.has(key(s)) && !!seen.add(key(s)))
        .map(({ id: _id, ...rest }) => rest);
      await db.snippets.bulkAdd(fresh);
      return { ok: true as const, added: fresh.length, skipped: parsed.data.snippets.length - fresh.length };
    });
  } catch (error) {
    // One transaction: when it fails nothing was written. The library says why in words the reader can act on.
    console.warn('[second-chance] import failed', error);
    return { ok: false, reason: isQuotaExceeded(error) ? 'storage-full' : 'write-failed' };
  }
}

const key = (s: Snippet) => `${s.url}\u0000${s.quote}\u0000${s.savedAt}`;
