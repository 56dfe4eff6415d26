import type { MessageType, Payload, Results } from '../messaging/protocol';
import { isActiveOn, type Settings } from '../data/settings';
import { fieldOf } from '../shared/calls';
import { sameSite } from '../shared/snippets/url';
import type { BackgroundDeps, Sender } from './deps';

/** Who may send a message: a tab's content script, our own extension pages, or either. */
export type From = 'tab' | 'extension' | 'any';

/** What a route knows about its sender besides the payload: the tab, when it came from one. */
interface Context<T = number | undefined> {
  deps: BackgroundDeps;
  tabId: T;
  windowId?: number;
  /** What the browser says about the sender (its URL, its tab, whether the window is private). */
  sender: Sender;
}

/** Active on this host for this sender: not paused, not muted (private-window mutes count only in private windows). */
async function activeFor(deps: BackgroundDeps, host: string, sender: Sender): Promise<boolean> {
  if (!isActiveOn(await deps.settings(), host)) return false;
  return !(sender.tab?.incognito && (await deps.privateMutes.has(host)));
}

/**
 * A validated payload's handler. Routes are called synchronously inside the message event
 * (openSidebar needs the click's user gesture), so they must not await before acting.
 */
export type Route<K extends MessageType> =
  | { from: 'tab'; run(payload: Payload<K>, context: Context<number>): Promise<Results[K]> }
  | { from: 'extension' | 'any'; run(payload: Payload<K>, context: Context): Promise<Results[K]> };

/**
 * The sender policy, declared once: the handler refuses a message from the wrong realm before
 * its payload is used, and the fuzz test reads this table. A page can forge anything its content
 * script could send, so only harmless, tab-scoped messages are `from: 'tab'`.
 */
export const ROUTES: { [K in MessageType]: Route<K> } = {
  getPageConfig: {
    from: 'tab',
    run: async ({ host }, { deps, sender }) => ({ enabled: await activeFor(deps, host, sender) }),
  },
  pageAnalyzed: {
    from: 'tab',
    async run(payload, { deps, tabId, sender }) {
      // Where the page is, the browser says (the tab's URL, which follows pushState, else the
      // sender's), not the page's own report; its canonical link is kept only on the same site.
      const url = sender.tab?.url ?? sender.url;
      if (!url || !/^https?:/i.test(url)) throw new Error('no web page URL from the browser');
      const { canonicalUrl: claimed, ...rest } = payload;
      const analysis = { ...rest, url, ...(claimed && sameSite(url, claimed) ? { canonicalUrl: claimed } : {}) };
      await deps.tabs.set(tabId, analysis);
      deps.setBadge(tabId, analysis);
      deps.broadcast({ type: 'tabAnalysisChanged', tabId });
      // Nothing else happens on the page here: no saved data is looked up for it (see showSavedOnPage).
      const active = await activeFor(deps, new URL(url).hostname, sender);
      return { showNotice: analysis.topics.length > 0 && active };
    },
  },
  muteSite: {
    from: 'tab',
    async run({ host }, { deps, tabId, sender }) {
      if (sender.tab?.incognito) {
        // A mute from a private window must not outlive it (a page could use it as a lasting marker).
        await deps.privateMutes.add(host);
        await deps.tabs.delete(tabId);
        deps.setBadge(tabId, null);
        deps.broadcast({ type: 'tabAnalysisChanged', tabId });
        return { muted: true };
      }
      const settings = await deps.settings();
      await deps.updateSettings({ mutedSites: [...new Set([...settings.mutedSites, host])] });
      await deps.tabs.delete(tabId);
      deps.setBadge(tabId, null);
      deps.broadcast({ type: 'tabAnalysisChanged', tabId });
      return { muted: true };
    },
  },
  openSidebar: {
    from: 'any',
    run(payload, { deps, tabId, windowId }) {
      const target = payload.tabId ?? tabId;
      if (target === undefined) return Promise.reject(new Error('no tab'));
      // No await before this call: the click's user gesture must still be active.
      // On 'fallback' the content script docks the sidebar; the frame in the page has no tabs API, so it is told its tab here.
      return deps.openPanel(target, windowId).then((opened) => (opened ? { opened: 'panel' as const } : { opened: 'fallback' as const, tabId: target }));
    },
  },
  getTabAnalysis: {
    from: 'extension',
    run: async ({ tabId }, { deps }) => ({ analysis: await deps.tabs.get(tabId), orphaned: deps.tabs.orphansOf(tabId) }),
  },
  highlightMatches: {
    from: 'extension',
    run: ({ tabId, on }, { deps }) =>
      deps.tellTool(tabId, { type: 'highlight', on }).then(
        (reply) => ({ done: fieldOf(reply, 'done') === true }),
        () => ({ done: false }),
      ),
  },
  saveSelection: {
    from: 'extension',
    run: ({ tabId, confirmPrivate }, { deps }) => deps.snippets.saveSelection(tabId, confirmPrivate),
  },
  showSavedOnPage: {
    from: 'extension',
    run: ({ tabId, on }, { deps }) => deps.snippets.showSaved(tabId, on).catch(() => ({ shown: 0, missing: 0 })),
  },
  quickHide: {
    from: 'extension',
    run: async ({ tabId }, { deps }) => ({ hidden: await deps.quickHide(tabId) }),
  },
  readData: {
    from: 'extension',
    run: async ({ request }, { deps }) => ({ data: await deps.readData(request) }),
  },
  writeSettings: {
    from: 'extension',
    // updateSettings parses the merged result: an invalid change throws and nothing is written.
    async run({ patch }, { deps }) {
      const settings = await deps.updateSettings(patch as Partial<Settings>);
      deps.broadcast({ type: 'settingsChanged' });
      return { settings };
    },
  },
  wipeAll: {
    from: 'extension',
    run: async (_payload, { deps }) => {
      await deps.wipeAll();
      return { wiped: true };
    },
  },
};
