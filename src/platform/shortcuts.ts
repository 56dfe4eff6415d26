import { browser } from 'wxt/browser';

/** The commands the manifest declares, by what they do (the popup's name differs per browser). */
export const SHORTCUT_IDS = ['naloxone', 'quick-hide', 'open-sidebar', 'save-snippet'] as const;
export type ShortcutId = (typeof SHORTCUT_IDS)[number];
/** Key the browser registered for each command; '' when none is set (taken, reserved, or removed). */
export type Shortcuts = Record<ShortcutId, string>;

const POPUP_COMMANDS = ['_execute_action', '_execute_browser_action'];

/** What the browser really registered (`commands.getAll()`), never what the manifest suggested. */
export async function registeredShortcuts(): Promise<Shortcuts> {
  const found: Shortcuts = { naloxone: '', 'quick-hide': '', 'open-sidebar': '', 'save-snippet': '' };
  const commands = (await browser.commands?.getAll().catch(() => [])) ?? [];
  for (const { name = '', shortcut = '' } of commands) {
    const id = POPUP_COMMANDS.includes(name) ? 'naloxone' : (name as ShortcutId);
    if (id in found) found[id] = shortcut;
  }
  return found;
}

/** Firefox has no page an extension may open for shortcuts (about:addons is privileged). */
export const isFirefox = () => browser.runtime.getURL('/').startsWith('moz-extension:');

/** Chrome's shortcut page; extensions may open it in a tab. */
export function openShortcutPage() {
  void browser.tabs.create({ url: 'chrome://extensions/shortcuts' }).catch(() => undefined);
}
