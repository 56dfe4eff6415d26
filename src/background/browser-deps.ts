import { browser } from 'wxt/browser';
import { openDatabase, openUserData } from '../data/db/open';
import type { Broadcast, PageAnalysis, TabCommand } from '../messaging/protocol';
import { wipeUserData } from '../data/db/wipe';
import { settingsOrPaused, updateSettings } from '../data/settings';
import { closePanel, openPanel } from '../platform/open-panel';
import type { BackgroundDeps, TellTool } from './deps';
import { createSnippetService } from './snippets';
import { TabAnalyses } from './tab-analyses';
import { runRead, type ReadName } from '../data/reads';
import { t } from '../platform/i18n';
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
  return {
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    tabs,
    snippets: createSnippetService({
      db: openDatabase,
      tabs,
      tellTool,
      snippetsChanged: () => broadcast({ type: 'snippetsChanged' }),
      savedMessage: t('snippetSavedToast'),
      notSavedMessage: (reason) => t(reason === 'storage-full' ? 'saveStorageFullToast' : 'saveFailed'),
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
      await wipeUserData(await openDatabase());
      await showKitReminder(false); // the kits are gone, and so is their reminder
      await tabs.clear();
      broadcast({ type: 'snippetsChanged' });
    },
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
