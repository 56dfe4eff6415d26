import type { SecondChanceDB } from '../db/database';
import { Snippet, SnippetExport } from './schema';

export function toExportFile(snippets: Snippet[], now = new Date()): SnippetExport {
  return { format: 'second-chance-snippets', version: 1, exportedAt: now.toISOString(), snippets };
}

/** A readable copy for sharing: each quote with its page, date, tags and note. */
export function toMarkdown(snippets: Snippet[]): string {
  return snippets
    .map((s) => {
      const lines = [`> ${s.quote.replace(/\n/g, '\n> ')}`, '', `— [${s.title || s.url}](${s.url}), saved ${new Date(s.savedAt).toISOString().slice(0, 10)}`];
      if (s.tags.length) lines.push(`Tags: ${s.tags.join(', ')}`);
      if (s.note) lines.push('', s.note);
      return lines.join('\n');
    })
    .join('\n\n---\n\n');
}

export type ImportResult = { ok: true; added: number; skipped: number } | { ok: false; error: string };

/**
 * Read an export file. Nothing is written unless the whole file is valid; snippets already in the
 * library (same page, quote and time) are skipped, never overwritten.
 */
export async function importSnippets(db: SecondChanceDB, text: string): Promise<ImportResult> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not JSON. Choose a file exported from Second Chance.' };
  }
  const parsed = SnippetExport.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, error: `This is not a Second Chance snippet file${where}: ${issue.message}. Nothing was imported.` };
  }
  return db.transaction('rw', db.snippets, async () => {
    const existing = new Set((await db.snippets.toArray()).map(key));
    const fresh = parsed.data.snippets.filter((s) => !existing.has(key(s))).map(({ id: _id, ...rest }) => rest);
    await db.snippets.bulkAdd(fresh);
    return { ok: true as const, added: fresh.length, skipped: parsed.data.snippets.length - fresh.length };
  });
}

const key = (s: Snippet) => `${s.url}\u0000${s.quote}\u0000${s.savedAt}`;
