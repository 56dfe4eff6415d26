import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { closePanel, closePanelNow } from '../../../src/platform/open-panel';

const api = browser as unknown as Record<string, unknown>;
afterEach(() => {
  delete api.sidebarAction;
  delete api.sidePanel;
});

describe('quick-hide closes our panel', () => {
  it('Firefox: sidebarAction.close() runs synchronously, inside the gesture (no await before it)', () => {
    const close = vi.fn(() => Promise.resolve());
    api.sidebarAction = { close, open: vi.fn() };
    closePanelNow(7);
    // Nothing was awaited: the call happened before this line, in the same task.
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('Firefox: a refused close (not a user action any more) is swallowed, not thrown', async () => {
    api.sidebarAction = { close: vi.fn(() => Promise.reject(new Error('may only be called from a user input handler'))), open: vi.fn() };
    expect(() => closePanelNow()).not.toThrow();
    await expect(closePanel(1)).resolves.toBeUndefined();
  });

  it('Chrome 141+: closes the window-wide panel and the tab panel', async () => {
    const close = vi.fn(() => Promise.resolve());
    api.sidePanel = { close, open: vi.fn(), setOptions: vi.fn() };
    await closePanel(5, 2);
    expect(close).toHaveBeenCalledWith({ windowId: 2 });
    expect(close).toHaveBeenCalledWith({ tabId: 5 });
  });

  it('Chrome without close(): disables and re-enables the panel for the tab', async () => {
    const setOptions = vi.fn(() => Promise.resolve());
    api.sidePanel = { open: vi.fn(), setOptions };
    await closePanel(5, 2);
    expect(setOptions.mock.calls).toEqual([[{ tabId: 5, enabled: false }], [{ tabId: 5, enabled: true }]]);
  });
});
