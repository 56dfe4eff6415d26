import { browser } from 'wxt/browser';
import { openDatabase, openUserData, resetDatabase } from '../data/db/open';
import type { Broadcast, PageAnalysis, TabCommand } from '../messaging/protocol';
import { wipeUserData } from '../data/db/wipe';
import { settingsOrPaused, updateSettings } from '../data/settings';
import { closePanel, openPanel } from '../platform/open-panel';
import type { BackgroundDeps, TellTool } from './deps';
import { createSnippetService } from './snippets';
import { TabAnalyses } from './tab-analyses';
import { runRead, type ReadName } from '../data/reads';
import { showKitReminder } from '../platform/kit-badge';
import { fieldOf } from '../shared/calls';

/** The real browser behind the background's handlers. */
export function browserDeps(): BackgroundDeps {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const tabs = new TabAnalyses(browser.storage.session);
  const tellTool: TellTool = async (tabId, command) => {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/page-tool.js'] });
    return browser.tabs.sendMessage(tabId, command);
  };
  const broadcast = (message: Broadcast) => {
    // No extension page may be open to receive it; that is fine.
    browser.runtime.sendMessage(message).catch(() => undefined);
  };
  function setBadge(tabId: number, analysis: PageAnalysis | null) {
    const count = analysis?.topics.length ?? 0;
    void action.setBadgeText({ tabId, text: count ? String(count) : '' }).catch(() => undefined);
    void action.setBadgeBackgroundColor({ tabId, color: '#0f766e' }).catch(() => undefined);
  }
  /** A save is confirmed on the toolbar badge for a moment (never in the page, which could watch). */
  function confirmSave(tabId: number, outcome: 'saved' | 'failed') {
    void action.setBadgeText({ tabId, text: outcome === 'saved' ? '✓' : '!' }).catch(() => undefined);
    void action.setBadgeBackgroundColor({ tabId, color: outcome === 'saved' ? '#0f766e' : '#991b1b' }).catch(() => undefined);
    setTimeout(() => void tabs.get(tabId).then((a) => setBadge(tabId, a)), outcome === 'saved' ? 2500 : 8000);
  }
  // Mutes pressed in a private window: session storage (memory only) until the last private window closes.
  const PRIVATE_MUTES = 'privateMutes';
  const privateMutes = {
    async list(): Promise<string[]> {
      const items = await browser.storage.session.get(PRIVATE_MUTES).catch(() => ({}) as Record<string, unknown>);
      return Array.isArray(items[PRIVATE_MUTES]) ? (items[PRIVATE_MUTES] as string[]) : [];
    },
    async has(host: string) {
      return (await this.list()).includes(host);
    },
    async add(host: string) {
      await browser.storage.session.set({ [PRIVATE_MUTES]: [...new Set([...(await this.list()), host])] });
    },
    clear: () => browser.storage.session.remove(PRIVATE_MUTES).catch(() => undefined),
  };
  browser.windows?.onRemoved.addListener(() => {
    void browser.windows.getAll().then((all) => (all.some((w) => w.incognito) ? undefined : privateMutes.clear()));
  });
  return {
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    tabs,
    snippets: createSnippetService({
      db: openDatabase,
      tabs,
      tellTool,
      snippetsChanged: () => broadcast({ type: 'snippetsChanged' }),
      tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
      confirmSave,
      isPrivate: async (tabId) => (await browser.tabs.get(tabId)).incognito,
    }),
    async quickHide(tabId) {
      const reply = await browser.tabs.sendMessage(tabId, { type: 'hideAll' } satisfies TabCommand).catch(() => undefined);
      await tabs.delete(tabId);
      setBadge(tabId, null);
      await closePanel(tabId, (await browser.tabs.get(tabId).catch(() => undefined))?.windowId);
      return fieldOf(reply, 'done') === true;
    },
    async wipeAll() {
      try {
        await resetDatabase();
      } catch (error) {
        // Deleting the database failed (e.g. blocked): at least empty every user table.
        console.warn('[second-chance] could not delete the database; clearing its tables instead', error);
        await wipeUserData(await openDatabase());
      }
      await showKitReminder(false); // the kits are gone, and so is their reminder
      await tabs.clear();
      await privateMutes.clear();
      // Every open tab loses its notice, highlights and badge now, not at its next reload.
      for (const tab of await browser.tabs.query({}).catch(() => [])) {
        if (tab.id === undefined) continue;
        void browser.tabs.sendMessage(tab.id, { type: 'hideAll' } satisfies TabCommand).catch(() => undefined);
        setBadge(tab.id, null);
      }
      broadcast({ type: 'snippetsChanged' });
    },
    privateMutes,
    // Read without waiting for seeding; a storage failure pauses (settingsOrPaused fails closed).
    settings: () => settingsOrPaused(openUserData),
    updateSettings: async (patch) => updateSettings(await openDatabase(), patch),
    async readData({ query, ...args }) {
      return runRead(await openDatabase(), query as ReadName, args as never);
    },
    setBadge,
    openPanel,
    tellTool,
    broadcast,
  };
}
