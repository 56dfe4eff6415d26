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
