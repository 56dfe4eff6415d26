import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
  /** Chrome 141+. */
  close?(options: { tabId?: number; windowId?: number }): Promise<void>;
  setOptions(options: { tabId?: number; path?: string; enabled?: boolean }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

/**
 * Open the browser's own panel: Chrome's side panel or Firefox's sidebar. Call it straight from a
 * click (no await before it): both browsers require a user gesture. Resolves false when the
 * browser refused, so the caller can dock the sidebar in the page instead. Where the browser has
 * no panel (Firefox for Android), the sidebar page opens in a tab instead.
 */
export function openPanel(tabId: number, windowId?: number): Promise<boolean> {
  const api = browser as unknown as { sidePanel?: ChromeSidePanel; sidebarAction?: FirefoxSidebarAction };
  try {
    if (api.sidePanel) {
      const opening = api.sidePanel.open(windowId !== undefined ? { windowId } : { tabId });
      return opening.then(() => true, () => false);
    }
    if (api.sidebarAction) return api.sidebarAction.open().then(() => true, () => false);
    // No panel at all (Firefox for Android): the sidebar page in a tab, about the reader's page.
    return browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?tabId=${tabId}` as never) }).then(() => true, () => false);
  } catch {
    // fall through: report "not opened"
  }
  return Promise.resolve(false);
}

interface PanelApis {
  sidePanel?: ChromeSidePanel;
  sidebarAction?: FirefoxSidebarAction & { close(): Promise<void> };
}

/**
 * Quick-hide, first part: close our panel at once, inside the click or key press. Firefox honours
 * `sidebarAction.close()` only while it still counts as a user action (before any await), so
 * gesture handlers call this synchronously, then let the background clean the page.
 */
export function closePanelNow(windowId?: number): void {
  const api = browser as unknown as PanelApis;
  try {
    if (api.sidePanel?.close && windowId !== undefined) void api.sidePanel.close({ windowId }).catch(() => undefined);
    else void api.sidebarAction?.close().catch(() => undefined);
  } catch {
    // nothing open, or not allowed
  }
}

/**
 * Quick-hide, second part (background, after the page is cleaned): close the side panel wherever it
 * shows this tab: the window-wide panel (which the popup opens) and any panel for this tab alone.
 * Chrome before 141 has no close(): disabling the panel for the tab closes it there.
 */
export async function closePanel(tabId: number, windowId?: number): Promise<void> {
  const api = browser as unknown as PanelApis;
  try {
    if (api.sidePanel?.close) {
      await Promise.allSettled([
        windowId !== undefined ? api.sidePanel.close({ windowId }) : Promise.resolve(),
        api.sidePanel.close({ tabId }),
      ]);
    } else if (api.sidePanel) {
      await api.sidePanel.setOptions({ tabId, enabled: false });
      await api.sidePanel.setOptions({ tabId, enabled: true });
    } else await api.sidebarAction?.close();
  } catch {
    // nothing open, or not allowed (Firefox after the gesture): closePanelNow ran in the gesture
  }
}
