import { browser } from 'wxt/browser';
import { t } from './i18n';

/**
 * The toolbar's calm naloxone reminder: a "!" on the button (every tab without its own count) and a
 * tooltip saying why, or nothing. Set from the popup when kits change and by the background at start.
 */
export async function showKitReminder(due: boolean): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  if (!action) return;
  await Promise.all([
    action.setBadgeText({ text: due ? '!' : '' }),
    action.setBadgeBackgroundColor({ color: '#92400e' }),
    action.setTitle({ title: due ? t('kitBadgeTitle') : t('actionTitle') }),
  ]).catch(() => undefined);
}
