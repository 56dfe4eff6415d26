import type { SecondChanceDB } from '../data/db/database';
import { isQuotaExceeded } from '../data/db/open';
import { rankCards } from '../shared/evidence/rank';
import type { SaveOutcome } from '../messaging/protocol';
import { fieldOf } from '../shared/calls';
import type { TellTool } from './deps';
import { addSnippet, snippetsForPage } from '../data/snippets/repository';
import { SnippetCapture } from '../data/snippets/schema';
import { pageUrlFor } from '../shared/snippets/url';
import type { TabAnalyses } from './tab-analyses';

export interface SnippetDeps {
  db(): Promise<SecondChanceDB>;
  tabs: TabAnalyses;
  /** Load the page tool into a tab if needed (it is not part of the always-on content script) and send it a command. */
  tellTool: TellTool;
  snippetsChanged(): void;
  /** The tab's URL as the browser reports it (never the page's own claim). */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** Confirm a save (or its failure) in the extension's own UI: the toolbar badge, never the page. */
  confirmSave(tabId: number, outcome: 'saved' | 'failed'): void;
  /** Whether the tab is in a private (incognito) window. */
  isPrivate(tabId: number): Promise<boolean>;
}

/** Saving a selection and showing saved quotes on request. Nothing here throws into a caller. */
export function createSnippetService(deps: SnippetDeps) {
  /**
   * `expectedText`: the selection the browser reported (context menu); a page that swapped the
   * selection in the meantime gets nothing saved.
   */
  async function saveSelection(tabId: number, confirmPrivate = false, expectedText?: string): Promise<SaveOutcome> {
    try {
      // Private windows leave no trace by default; saving there needs the reader's explicit yes.
      if (!confirmPrivate && (await deps.isPrivate(tabId))) return { saved: false, reason: 'private' };
      const reply = await deps.tellTool(tabId, { type: 'captureSelection' });
      if (fieldOf(reply, 'error') === 'no-selection') return { saved: false, reason: 'no-selection' };
      // The reply was computed in the page's realm: validate it like any page message.
      const capture = SnippetCapture.safeParse(reply);
      if (!capture.success) {
        console.warn('[second-chance] rejected a snippet capture:', capture.error.issues[0]?.message);
        return { saved: false, reason: 'invalid' };
      }
      if (expectedText !== undefined && squash(expectedText) !== squash(capture.data.quote.exact)) return { saved: false, reason: 'invalid' };
      // Where the reader is: the browser's URL for the tab; the canonical link only on the same site.
      const url = pageUrlFor(await deps.tabUrl(tabId), capture.data.canonicalUrl);
      if (!url) return { saved: false, reason: 'invalid' };
      const db = await deps.db();
      const analysis = await deps.tabs.get(tabId);
      const cards = analysis?.topics.length ? rankCards(await db.evidence.toArray(), analysis).slice(0, 5) : [];
      const id = await addSnippet(db, { ...capture.data, url }, {
        topics: analysis?.topics ?? [],
        claims: analysis?.claims ?? [],
        cardIds: cards.map((r) => r.card.id),
      });
      deps.snippetsChanged();
      deps.confirmSave(tabId, 'saved');
      return { saved: true, id };
    } catch (error) {
      console.warn('[second-chance] could not save a snippet', error);
      // Nothing was written (one add); the reader's selection is untouched on the page.
      const reason = isQuotaExceeded(error) ? 'storage-full' : 'unavailable';
      deps.confirmSave(tabId, 'failed');
      return { saved: false, reason };
    }
  }

  /**
   * Draw the tab's saved quotes on its page, only because the reader asked (the sidebar button,
   * with its warning that the site can see highlights). Nothing runs in a page on its own.
   */
  async function showSaved(tabId: number, on: boolean): Promise<{ shown: number; missing: number }> {
    if (!on) {
      await deps.tellTool(tabId, { type: 'hideSnippets' }).catch(() => undefined);
      return { shown: 0, missing: 0 };
    }
    const analysis = await deps.tabs.get(tabId);
    const url = pageUrlFor(await deps.tabUrl(tabId), analysis?.canonicalUrl);
    if (!url) return { shown: 0, missing: 0 };
    const saved = await snippetsForPage(await deps.db(), url);
    if (!saved.length) return { shown: 0, missing: 0 };
    const items = saved.map((s) => ({ id: s.id!, quote: { exact: s.quote, prefix: s.prefix, suffix: s.suffix }, position: s.position }));
    const reply = (await deps.tellTool(tabId, { type: 'showSnippets', items })) as { orphaned?: unknown; placed?: unknown } | undefined;
    // Computed in the page realm: keep only ids we actually asked about.
    const asked = new Set(items.map((i) => i.id));
    const orphaned = Array.isArray(reply?.orphaned) ? reply.orphaned.filter((id): id is number => asked.has(id as number)) : [];
    const placed = Array.isArray(reply?.placed) ? reply.placed.filter((id) => asked.has(id as number)).length : 0;
    deps.tabs.setOrphans(tabId, orphaned);
    deps.snippetsChanged();
    return { shown: placed, missing: orphaned.length };
  }

  return { saveSelection, showSaved };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export type SnippetService = ReturnType<typeof createSnippetService>;
