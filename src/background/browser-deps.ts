import { browser } from 'wxt/browser';
import { openDatabase } from '../data/db/open';
import type { Broadcast, PageAnalysis, TabCommand, ToolCommand } from '../messaging/protocol';
import { wipeUserData } from '../data/db/wipe';
import { DEFAULT_SETTINGS, getSettings, updateSettings } from '../data/settings';
import { closePanel, openPanel } from '../platform/open-panel';
import type { BackgroundDeps } from './handlers';
import { createSnippetService } from './snippets';
import { TabAnalyses } from './tab-analyses';
import { t } from '../platform/i18n';
import { showKitReminder } from '../platform/kit-badge';

/** The real browser behind the background's handlers. */
export function browserDeps(): BackgroundDeps {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const tabs = new TabAnalyses(browser.storage.session);
  const tellTool = async (tabId: number, command: ToolCommand) => {
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
      return (reply as { done?: boolean } | undefined)?.done === true;
    },
    async wipeAll() {
      await wipeUserData(await openDatabase());
      await showKitReminder(false); // the kits are gone, and so is their reminder
      await tabs.clear();
      broadcast({ type: 'snippetsChanged' });
    },
    // A database failure must not stop pages from being read: fall back to defaults.
    settings: () => openDatabase().then(getSettings, () => DEFAULT_SETTINGS),
    updateSettings: async (patch) => updateSettings(await openDatabase(), patch),
    setBadge,
    openPanel,
    tellTool,
    broadcast,
  };
}
