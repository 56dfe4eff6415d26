import { useEffect, useState } from 'preact/hooks';
import { SEED_CHANNEL } from '../data/db/open';
import { t } from '../platform/i18n';

/** While the offline directory is being written (first install, a data update): how far along. */
export function SeedProgress() {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(SEED_CHANNEL);
    channel.onmessage = ({ data }) => {
      const { done, total } = (data ?? {}) as { done?: unknown; total?: unknown };
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
