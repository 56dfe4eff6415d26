import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { LIVE_PERMISSION, liveNear, withoutPermission, type LivePlace, type LiveResult } from '../resources/live';
import { zipPoint } from '../resources/nearby';
import { uiDatabase } from './database';
import { useAsync } from './use-async';

async function refresh(zip: string, force: boolean): Promise<LiveResult | null> {
  const db = await uiDatabase();
  const origin = await zipPoint(db, zip);
  if (!origin) return null;
  // The reader may have revoked the host in the browser's settings since turning this on.
  const allowed = await browser.permissions.contains(LIVE_PERMISSION).catch(() => false);
  return liveNear(db, origin, { force, ...(allowed ? {} : { fetcher: withoutPermission }) });
}

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Opt-in current listings from FindTreatment.gov, above the bundled ones, with their own date. A failure keeps what was cached. */
export function LiveNearby({ zip }: { zip: string }) {
  const [asked, setAsked] = useState(0);
  const live = useAsync(() => refresh(zip, asked > 0), [zip, asked]);
  const result = live.status === 'ready' ? live.data : null;
  if (live.status === 'loading') return <p aria-busy="true" class="muted small">{t('loading')}</p>;
  if (!result) return null;
  const shown = result.ok ? result : result.cached;
  return (
    <section aria-labelledby="live-results-heading" class="live">
      <h3 id="live-results-heading">{shown ? t('liveResults', when(shown.fetchedAt)) : t('liveHeading')}</h3>
      {result.ok ? null : (
        <p role="status" class="warning small">
          {t('liveFailed', t(`liveReason_${result.reason}`))} {result.cached ? t('liveShowingCache', when(result.cached.fetchedAt)) : null}
        </p>
      )}
      {shown ? <LiveList rows={shown.rows} /> : null}
      <p class="muted small">
        {t('liveCallAhead')}{' '}
        <button type="button" class="link" onClick={() => setAsked((n) => n + 1)}>
          {t('liveRefreshNow')}
        </button>
      </p>
    </section>
  );
}

function LiveList({ rows }: { rows: LivePlace[] }) {
  if (!rows.length) return <p>{t('liveNone')}</p>;
  return (
    <ol class="places">
      {rows.map((row, i) => (
        <li key={`${row.name}-${i}`}>
          <strong>{row.name}</strong>
          {row.miles !== null ? <span class="muted"> · {t('distance', row.miles.toFixed(1))}</span> : null}
          <br />
          <span>{row.address}</span>
          {row.phone ? (
            <>
              <br />
              <a href={`tel:${row.phone.replace(/[^\d+]/g, '')}`} aria-label={t('livePhone', row.name)}>
                {row.phone}
              </a>
            </>
          ) : null}
          {row.website ? (
            <>
              {' · '}
              <a href={row.website} target="_blank" rel="noopener noreferrer">
                {t('liveWebsite')}
              </a>
            </>
          ) : null}
          {row.services.length ? <p class="muted small">{row.services.join(' · ')}</p> : null}
        </li>
      ))}
    </ol>
  );
}
