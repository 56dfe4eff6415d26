import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
  setOptions(options: { tabId?: number; path?: string; enabled?: boolean }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

/**
 * Open the browser's own panel: Chrome's side panel or Firefox's sidebar. Call it straight from a
 * click (no await before it): both browsers require a user gesture. Resolves false when the
 * browser refused, so the caller can dock the sidebar in the page instead.
 */
export function openPanel(tabId: number, windowId?: number): Promise<boolean> {
  const api = browser as unknown as { sidePanel?: ChromeSidePanel; sidebarAction?: FirefoxSidebarAction };
  try {
    if (api.sidePanel) {
      const opening = api.sidePanel.open(windowId !== undefined ? { windowId } : { tabId });
      return opening.then(() => true, () => false);
    }
    if (api.sidebarAction) return api.sidebarAction.open().then(() => true, () => false);
  } catch {
    // fall through: report "not opened"
  }
  return Promise.resolve(false);
}

/** Close our panel for a tab (quick-hide). Chrome closes a side panel when it is disabled. */
export async function closePanel(tabId: number): Promise<void> {
  const api = browser as unknown as { sidePanel?: ChromeSidePanel; sidebarAction?: { close(): Promise<void> } };
  try {
    if (api.sidePanel) {
      await api.sidePanel.setOptions({ tabId, enabled: false });
      await api.sidePanel.setOptions({ tabId, enabled: true });
    } else await api.sidebarAction?.close();
  } catch {
    // nothing open, or not allowed: nothing to hide
  }
}
