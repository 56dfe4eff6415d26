import type { SecondChanceDB } from '../data/db/database';
import { isQuotaExceeded } from '../data/db/open';
import { rankCards } from '../shared/evidence/rank';
import type { PageAnalysis, SaveOutcome } from '../messaging/protocol';
import { fieldOf } from '../shared/calls';
import type { TellTool } from './deps';
import { addSnippet, snippetsForPage } from '../data/snippets/repository';
import { SnippetCapture } from '../data/snippets/schema';
import type { TabAnalyses } from './tab-analyses';

export interface SnippetDeps {
  db(): Promise<SecondChanceDB>;
  tabs: TabAnalyses;
  /** Load the page tool into a tab if needed (it is not part of the always-on content script) and send it a command. */
  tellTool: TellTool;
  snippetsChanged(): void;
  /** "Saved to Second Chance", in the UI language. */
  savedMessage: string;
  /** Why a save failed, in the UI language, for the page's toast. */
  notSavedMessage(reason: 'storage-full' | 'unavailable'): string;
  /** Whether the tab is in a private (incognito) window. */
  isPrivate(tabId: number): Promise<boolean>;
}

/** Saving a selection and showing saved quotes again. Nothing here throws into a caller. */
export function createSnippetService(deps: SnippetDeps) {
  async function saveSelection(tabId: number, confirmPrivate = false): Promise<SaveOutcome> {
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
      const db = await deps.db();
      const analysis = await deps.tabs.get(tabId);
      const cards = analysis?.topics.length ? rankCards(await db.evidence.toArray(), analysis).slice(0, 5) : [];
      const id = await addSnippet(db, capture.data, {
        topics: analysis?.topics ?? [],
        claims: analysis?.claims ?? [],
        cardIds: cards.map((r) => r.card.id),
      });
      deps.snippetsChanged();
      void deps.tellTool(tabId, { type: 'snippetSaved', message: deps.savedMessage }).catch(() => undefined);
      await showSaved(tabId, capture.data.canonicalUrl ?? capture.data.url, capture.data.url);
      return { saved: true, id };
    } catch (error) {
      console.warn('[second-chance] could not save a snippet', error);
      // Nothing was written (one add); the reader's selection is untouched on the page, so the
      // toast tells them to copy it when storage is full rather than letting the quote vanish.
      const reason = isQuotaExceeded(error) ? 'storage-full' : 'unavailable';
      void deps.tellTool(tabId, { type: 'snippetNotSaved', message: deps.notSavedMessage(reason) }).catch(() => undefined);
      return { saved: false, reason };
    }
  }

  /** Mark the page's saved quotes, if it has any (the tool is loaded only then). */
  async function showSaved(tabId: number, url: string, otherUrl?: string): Promise<void> {
    try {
      const saved = await snippetsForPage(await deps.db(), url, otherUrl);
      if (!saved.length) return;
      const items = saved.map((s) => ({ id: s.id!, quote: { exact: s.quote, prefix: s.prefix, suffix: s.suffix }, position: s.position }));
      const reply = await deps.tellTool(tabId, { type: 'showSnippets', items });
      // Computed in the page realm: keep only ids we actually asked about.
      const asked = new Set(items.map((i) => i.id));
      const reported = fieldOf(reply, 'orphaned');
      const orphaned = Array.isArray(reported) ? reported.filter((id): id is number => asked.has(id)) : [];
      deps.tabs.setOrphans(tabId, orphaned);
      deps.snippetsChanged();
    } catch (error) {
      console.debug('[second-chance] could not show saved snippets', error);
    }
  }

  const showForAnalysis = (tabId: number, analysis: PageAnalysis) => showSaved(tabId, analysis.url, analysis.canonicalUrl);

  return { saveSelection, showSaved, showForAnalysis };
}

export type SnippetService = ReturnType<typeof createSnippetService>;
