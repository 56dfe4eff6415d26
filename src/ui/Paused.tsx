import { t } from '../platform/i18n';
import { saveSettings } from './database';

/** Pausing is easy to forget: say so where the reader looks, with the way back. */
export function Paused({ message }: { message: string }) {
  return (
    <p role="status" class="paused row">
      <span>{message}</span>
      <button type="button" class="link" onClick={() => void saveSettings({ paused: false })}>
        {t('resume')}
      </button>
    </p>
  );
}
