import { updateSettings } from '../data/settings';
import { t } from '../platform/i18n';
import { uiDatabase } from './database';

/** Pausing is easy to forget: say so where the reader looks, with the way back. */
export function Paused({ message }: { message: string }) {
  return (
    <p role="status" class="paused row">
      <span>{message}</span>
      <button type="button" class="link" onClick={() => void uiDatabase().then((db) => updateSettings(db, { paused: false }))}>
        {t('resume')}
      </button>
    </p>
  );
}
