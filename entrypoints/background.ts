import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { browserDeps } from '../src/background/browser-deps';
import { welcomeOnce } from '../src/background/first-run';
import { createMessageHandler } from '../src/background/handlers';
import { openDatabase } from '../src/data/db/open';
import type { Broadcasts } from '../src/messaging/protocol';
import { t } from '../src/platform/i18n';
import { closePanelNow } from '../src/platform/open-panel';
import { refreshKitReminder } from '../src/background/kit-reminder';
import { isCall } from '../src/shared/calls';

export default defineBackground(() => {
  const deps = browserDeps();
  const handle = createMessageHandler(deps);
  // Firefox for Android has no menus and no commands: use each API only where it exists.
  const menus = browser.contextMenus as typeof browser.contextMenus | undefined;

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Broadcasts between extension pages carry no payload schema and need no reply.
    if (isCall<Broadcasts, 'tabAnalysisChanged'>(message, 'tabAnalysisChanged')) return false;
    void handle(message, sender).then(sendResponse);
    return true; // reply asynchronously
  });

  // Seed reference data on install and update (a new dataset version reseeds; user data stays).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void welcomeOnce(reason, {
      storage: browser.storage.local,
      open: () => browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }),
    }).catch(() => undefined);
    openDatabase()
      .then((db) => refreshKitReminder(db))
      .catch((error) => console.error('[second-chance] could not open the database', error));
    menus?.create({ id: 'open-sidebar', title: t('contextMenuOpen'), contexts: ['page', 'selection'] });
    menus?.create({ id: 'save-snippet', title: t('contextMenuSave'), contexts: ['selection'] });
    menus?.create({ id: 'quick-hide', title: t('contextMenuHide'), contexts: ['page'] });
  });
  const act = (action: string | number, tab?: { id?: number; windowId?: number }, selectionText?: string) => {
    if (tab?.id === undefined) return;
    if (action === 'open-sidebar') void deps.openPanel(tab.id, tab.windowId);
    if (action === 'save-snippet') void deps.snippets.saveSelection(tab.id, false, selectionText);
    if (action === 'quick-hide') {
      closePanelNow(tab.windowId); // still inside the key press or menu click (Firefox needs that)
      void deps.quickHide(tab.id);
    }
  };
  // The naloxone kit reminder is recomputed each time the browser starts (the popup updates it on changes).
  browser.runtime.onStartup.addListener(() => void openDatabase().then((db) => refreshKitReminder(db)).catch(() => undefined));
  // The menu's selection text comes from the browser: a page that swaps the selection saves nothing.
  menus?.onClicked.addListener((info, tab) => act(info.menuItemId, tab, info.selectionText));
  browser.tabs.onRemoved.addListener((tabId) => void deps.tabs.delete(tabId));
  browser.commands?.onCommand.addListener((command, tab) => act(command, tab));
});
