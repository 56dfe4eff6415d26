import { useEffect, useState } from 'preact/hooks';
import { SEED_CHANNEL, type SeedProgressMessage } from '../data/db/open';
import { fieldOf } from '../shared/calls';
import { t } from '../platform/i18n';

/** While the offline directory is being written (first install, a data update): how far along. */
export function SeedProgress() {
  const [progress, setProgress] = useState<SeedProgressMessage | null>(null);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(SEED_CHANNEL);
    channel.onmessage = ({ data }) => {
      const done = fieldOf(data, 'done');
      const total = fieldOf(data, 'total');
      if (typeof done !== 'number' || typeof total !== 'number' || total <= 0) return;
      setProgress(done >= total ? null : { done, total });
    };
    return () => channel.close();
  }, []);
  if (!progress) return null;
  // Announced once (the fixed label); the changing percentage is shown, not read out on every step.
  return (
    <div class="seeding">
      <span role="status" id="seed-progress-label">
        {t('seedingLabel')}
      </span>{' '}
      <span aria-hidden="true">{t('seeding', String(Math.floor((100 * progress.done) / progress.total)))}</span>
      <progress aria-labelledby="seed-progress-label" max={progress.total} value={progress.done} />
    </div>
  );
}
