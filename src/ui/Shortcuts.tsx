import { t } from '../platform/i18n';
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

/** The keys the browser registered, named by what they do; "not set" when the browser has none. */
export function ShortcutList({ shortcuts, only = SHORTCUT_IDS }: { shortcuts: Shortcuts; only?: readonly ShortcutId[] }) {
  return (
    <ul class="shortcuts">
      {only.map((id) => (
        <li key={id}>
          <span>{t(`shortcutName_${id.replace('-', '_')}`)}</span>{' '}
          {shortcuts[id] ? <kbd>{shortcuts[id]}</kbd> : <strong>{t('shortcutNotSet')}</strong>}
        </li>
      ))}
    </ul>
  );
}
