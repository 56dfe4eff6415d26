import {
  parseMessage,
  type Broadcast,
  type Message,
  type MessageType,
  type PageAnalysis,
  type Result,
  type Results,
  type ToolCommand,
} from '../messaging/protocol';
import { isActiveOn, type Settings } from '../data/settings';
import { sameSite } from '../shared/snippets/url';
import type { SnippetService } from './snippets';
import type { TabAnalyses } from './tab-analyses';

export interface Sender {
  tab?: { id?: number; windowId?: number; incognito?: boolean; url?: string };
  /** Set by the browser: the sending frame's URL (for a content script, the page). */
  url?: string;
}

export interface BackgroundDeps {
  extensionOrigin: string;
  tabs: TabAnalyses;
  settings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  setBadge(tabId: number, analysis: PageAnalysis | null): void;
  /** Must be called synchronously inside the message event: browsers require a user gesture. */
  openPanel(tabId: number, windowId?: number): Promise<boolean>;
  broadcast(message: Broadcast): void;
  snippets: Pick<SnippetService, 'saveSelection' | 'showSaved'>;
  /** Sites muted from a private window: kept only until the last private window closes, and only applied there. */
  privateMutes: { has(host: string): Promise<boolean>; add(host: string): Promise<void> };
  /** Remove every trace of the extension from a tab (notice, marks, badge, panel). */
  quickHide(tabId: number): Promise<boolean>;
  /** Delete the reader's data: snippets, settings, per-tab state. */
  wipeAll(): Promise<void>;
  /** Send a command to the page tool in a tab (loading it first); rejects when the tab has none. */
  tellTool(tabId: number, command: ToolCommand): Promise<unknown>;
}

type Reply = Result<MessageType>;

/**
 * Validate and dispatch one message. Invalid messages are rejected with a logged reason and no
 * effect. Page-realm messages must come from a tab; page-inspection messages from our own pages.
 */
export function createMessageHandler(deps: BackgroundDeps) {
  /** Nothing escapes: a throw or a rejection becomes an error reply, so the sender is always answered. */
  return function handle(raw: unknown, sender: Sender): Promise<Reply> {
    try {
      return dispatch(raw, sender).catch((error: unknown) => reject(`failed: ${describe(error)}`));
    } catch (error) {
      return reject(`failed: ${describe(error)}`);
    }
  };

  function dispatch(raw: unknown, sender: Sender): Promise<Reply> {
    const parsed = parseMessage(raw);
    if (!parsed.ok) return reject(parsed.error);
    const message = parsed.message;
    // Content scripts report the page URL as sender.url; only our own documents have our origin.
    const fromOwnPage = !!sender.url?.startsWith(`${deps.extensionOrigin}/`);
    const tabId = sender.tab?.id;

    if (message.type === 'openSidebar') {
      const target = message.payload.tabId ?? tabId;
      if (target === undefined) return reject('openSidebar: no tab');
      // No await before this call: the click's user gesture must still be active.
      const opening = deps.openPanel(target, sender.tab?.windowId);
      return opening.then((opened) => ok<'openSidebar'>({ opened: opened ? 'panel' : 'fallback' }));
    }
    if (message.type === 'getTabAnalysis') {
      if (!fromOwnPage) return reject('getTabAnalysis: only extension pages may ask');
      const target = message.payload.tabId;
      return deps.tabs.get(target).then((analysis) => ok<'getTabAnalysis'>({ analysis, orphaned: deps.tabs.orphansOf(target) }));
    }
    if (message.type === 'highlightMatches') {
      if (!fromOwnPage) return reject('highlightMatches: only extension pages may ask');
      const { tabId: target, on } = message.payload;
      return deps.tellTool(target, { type: 'highlight', on }).then(
        (reply) => ok<'highlightMatches'>({ done: (reply as { done?: boolean } | undefined)?.done === true }),
        () => ok<'highlightMatches'>({ done: false }),
      );
    }
    if (message.type === 'saveSelection') {
      if (!fromOwnPage) return reject('saveSelection: only extension pages may ask');
      const { tabId: target, confirmPrivate } = message.payload;
      return deps.snippets.saveSelection(target, confirmPrivate).then((outcome) => ok<'saveSelection'>(outcome));
    }
    if (message.type === 'showSavedOnPage') {
      if (!fromOwnPage) return reject('showSavedOnPage: only extension pages may ask');
      const { tabId: target, on } = message.payload;
      return deps.snippets.showSaved(target, on).then(
        (result) => ok<'showSavedOnPage'>(result),
        () => ok<'showSavedOnPage'>({ shown: 0, missing: 0 }),
      );
    }
    if (message.type === 'quickHide') {
      if (!fromOwnPage) return reject('quickHide: only extension pages may ask');
      return deps.quickHide(message.payload.tabId).then((hidden) => ok<'quickHide'>({ hidden }));
    }
    if (message.type === 'wipeAll') {
      if (!fromOwnPage) return reject('wipeAll: only extension pages may ask');
      return deps.wipeAll().then(() => ok<'wipeAll'>({ wiped: true }));
    }
    if (tabId === undefined) return reject(`${message.type}: must come from a page`);
    return run(message, tabId, sender).catch((error) => reject(`${message.type}: ${describe(error)}`));
  }

  /** Active on this host for this sender: not paused, not muted (private-window mutes count only in private windows). */
  async function activeFor(host: string, sender: Sender): Promise<boolean> {
    if (!isActiveOn(await deps.settings(), host)) return false;
    return !(sender.tab?.incognito && (await deps.privateMutes.has(host)));
  }

  async function run(message: Message, tabId: number, sender: Sender): Promise<Reply> {
    switch (message.type) {
      case 'getPageConfig':
        return ok<'getPageConfig'>({ enabled: await activeFor(message.payload.host, sender) });
      case 'pageAnalyzed': {
        // Where the page is, the browser says: the sender's URL, not the page's own report. Its
        // canonical link is kept only on the same site (a page cannot claim another site's URL).
        const url = sender.url ?? sender.tab?.url;
        if (!url || !/^https?:/i.test(url)) return reject('pageAnalyzed: no web page URL from the browser');
        const canonicalUrl = message.payload.canonicalUrl && sameSite(url, message.payload.canonicalUrl) ? message.payload.canonicalUrl : undefined;
        const { canonicalUrl: _claimed, ...rest } = message.payload;
        const analysis = { ...rest, url, ...(canonicalUrl ? { canonicalUrl } : {}) };
        await deps.tabs.set(tabId, analysis);
        deps.setBadge(tabId, analysis);
        deps.broadcast({ type: 'tabAnalysisChanged', tabId });
        // Nothing else happens on the page here: no saved data is looked up for it (see showSavedOnPage).
        const active = await activeFor(new URL(url).hostname, sender);
        return ok<'pageAnalyzed'>({ showNotice: analysis.topics.length > 0 && active });
      }
      case 'muteSite': {
        if (sender.tab?.incognito) {
          // A mute from a private window must not outlive it (a page could use it as a lasting marker).
          await deps.privateMutes.add(message.payload.host);
          await deps.tabs.delete(tabId);
          deps.setBadge(tabId, null);
          deps.broadcast({ type: 'tabAnalysisChanged', tabId });
          return ok<'muteSite'>({ muted: true });
        }
        const settings = await deps.settings();
        const mutedSites = [...new Set([...settings.mutedSites, message.payload.host])];
        await deps.updateSettings({ mutedSites });
        await deps.tabs.delete(tabId);
        deps.setBadge(tabId, null);
        deps.broadcast({ type: 'tabAnalysisChanged', tabId });
        return ok<'muteSite'>({ muted: true });
      }
      default:
        return reject(`${message.type}: not handled here`);
    }
  }
}

function ok<T extends MessageType>(data: Results[T]): Promise<Reply> {
  return Promise.resolve({ ok: true, data } as Reply);
}

/** A short, safe description of anything thrown (its own toString may throw, or be huge). */
function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
  return text.slice(0, 200);
}

function reject(error: string): Promise<Reply> {
  console.warn('[second-chance] rejected message:', error);
  return Promise.resolve({ ok: false, error });
}
