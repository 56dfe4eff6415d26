import { browser } from 'wxt/browser';
import { openDatabase } from '../db/open';
import type { Broadcast, PageAnalysis } from '../messaging/protocol';
import { DEFAULT_SETTINGS, getSettings, updateSettings } from '../settings/settings';
import { openPanel } from '../ui/open-panel';
import type { BackgroundDeps } from './handlers';
import { createSnippetService } from './snippets';
import { TabAnalyses } from './tab-analyses';
import { t } from '../i18n';

/** The real browser behind the background's handlers. */
export function browserDeps(): BackgroundDeps {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const tabs = new TabAnalyses(browser.storage.session);
  const broadcast = (message: Broadcast) => {
    // No extension page may be open to receive it; that is fine.
    browser.runtime.sendMessage(message).catch(() => undefined);
  };
  return {
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    tabs,
    snippets: createSnippetService({
      db: openDatabase,
      tabs,
      injectTool: (tabId) => browser.scripting.executeScript({ target: { tabId }, files: ['/snippet-tool.js'] }),
      tellTab: (tabId, command) => browser.tabs.sendMessage(tabId, command),
      snippetsChanged: () => broadcast({ type: 'snippetsChanged' }),
      savedMessage: t('snippetSavedToast'),
    }),
    // A database failure must not stop pages from being read: fall back to defaults.
    settings: () => openDatabase().then(getSettings, () => DEFAULT_SETTINGS),
    updateSettings: async (patch) => updateSettings(await openDatabase(), patch),
    setBadge(tabId: number, analysis: PageAnalysis | null) {
      const count = analysis?.topics.length ?? 0;
      void action.setBadgeText({ tabId, text: count ? String(count) : '' }).catch(() => undefined);
      void action.setBadgeBackgroundColor({ tabId, color: '#0f766e' }).catch(() => undefined);
    },
    openPanel,
    tellTab: (tabId, command) => browser.tabs.sendMessage(tabId, command),
    broadcast,
  };
}
