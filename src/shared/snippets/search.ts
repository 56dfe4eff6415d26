import type { Snippet } from '../../data/snippets/schema';

export interface SnippetFilter {
  /** All words must appear in the quote, note, title, site or tags. */
  query?: string;
  tag?: string;
  topic?: string;
  site?: string;
  /** Saved on or after / before these days (YYYY-MM-DD, inclusive). */
  from?: string;
  to?: string;
}

/** Filter a library (kept in memory by the library page, so each keystroke is a quick scan). */
export function filterSnippets(all: Snippet[], filter: SnippetFilter = {}): Snippet[] {
  const words = (filter.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const from = filter.from ? Date.parse(`${filter.from}T00:00:00`) : -Infinity;
  const to = filter.to ? Date.parse(`${filter.to}T23:59:59.999`) : Infinity;
  return all.filter((s) => {
    if (filter.tag && !s.tags.includes(filter.tag)) return false;
    if (filter.topic && !s.topics.includes(filter.topic as Snippet['topics'][number])) return false;
    if (filter.site && s.site !== filter.site) return false;
    if (s.savedAt < from || s.savedAt > to) return false;
    if (!words.length) return true;
    const haystack = `${s.quote}\n${s.note}\n${s.title}\n${s.site}\n${s.tags.join(' ')}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** The values the library's filters can offer. */
export function facets(all: Snippet[]): { tags: string[]; sites: string[]; topics: Snippet['topics'] } {
  const sorted = <T extends string>(values: Iterable<T>) => [...new Set(values)].sort();
  return { tags: sorted(all.flatMap((s) => s.tags)), sites: sorted(all.map((s) => s.site)), topics: sorted(all.flatMap((s) => s.topics)) };
}
