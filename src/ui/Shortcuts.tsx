import { t, type MessageKey } from '../platform/i18n';
import { isFirefox, openShortcutPage, SHORTCUT_IDS, type ShortcutId, type Shortcuts } from '../platform/shortcuts';

/** Where to change shortcuts: a button to Chrome's page, or Firefox's steps (it has no page we may open). */
export function ChangeShortcuts() {
  return isFirefox() ? (
    <p class="small">{t('shortcutsFirefoxHow')}</p>
  ) : (
    <button type="button" class="link" onClick={openShortcutPage}>
      {t('shortcutsChange')}
    </button>
  );
}

/** What each command is called in the list (message keys cannot hold '-'). */
const NAME: Record<ShortcutId, MessageKey> = {
  naloxone: 'shortcutName_naloxone',
  'quick-hide': 'shortcutName_quick_hide',
  'open-sidebar': 'shortcutName_open_sidebar',
  'save-snippet': 'shortcutName_save_snippet',
};

/** The keys the browser registered, named by what they do; "not set" when the browser has none. */
export function ShortcutList({ shortcuts, only = SHORTCUT_IDS }: { shortcuts: Shortcuts; only?: readonly ShortcutId[] }) {
  return (
    <ul class="shortcuts">
      {only.map((id) => (
        <li key={id}>
          <span>{t(NAME[id])}</span>{' '}
          {shortcuts[id] ? <kbd>{shortcuts[id]}</kbd> : <strong>{t('shortcutNotSet')}</strong>}
        </li>
      ))}
    </ul>
  );
}
