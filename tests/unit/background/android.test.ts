/**
 * Firefox for Android has no context menus, no commands and no sidebar (MDN compatibility data).
 * The background must start there with every API it has, and stand a tab in for the sidebar.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Loose = Record<string, unknown>;
const ABSENT_ON_ANDROID = ['contextMenus', 'menus', 'commands', 'sidebarAction', 'sidePanel'];
let saved: Loose;

beforeEach(() => {
  fakeBrowser.reset();
  saved = {};
  for (const name of ABSENT_ON_ANDROID) {
    if (name in fakeBrowser) saved[name] = (fakeBrowser as unknown as Loose)[name];
    delete (fakeBrowser as unknown as Loose)[name];
  }
});
afterEach(() => {
  Object.assign(fakeBrowser, saved);
  vi.restoreAllMocks();
});

describe('background without context menus, commands or a sidebar (Firefox for Android)', () => {
  it('starts, registers what exists, and survives install', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const onRemoved = vi.spyOn(fakeBrowser.tabs.onRemoved, 'addListener');
    const onMessage = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    const { default: background } = await import('../../../entrypoints/background');
    expect(() => background.main()).not.toThrow();
    expect(onMessage).toHaveBeenCalled();
    // Registered after the menu listeners: proves start-up got past them.
    expect(onRemoved).toHaveBeenCalled();
    await expect(fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false } as never)).resolves.not.toThrow();
  });

  it('opens the sidebar page in a tab for the page when the browser has no panel', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({ id: 99 } as never);
    const { openPanel } = await import('../../../src/platform/open-panel');
    await expect(openPanel(7)).resolves.toBe(true);
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringMatching(/\/sidepanel\.html\?tabId=7$/) }));
  });
});
