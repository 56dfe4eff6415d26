import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../platform/i18n';
import { dialable, LIVE_PERMISSION, liveNear, withoutPermission, type LivePlace, type LiveResult } from '../data/resources/live';
import { zipPoint } from '../data/resources/nearby';
import { uiDatabase } from './database';

async function refresh(zip: string, force: boolean): Promise<LiveResult | null> {
  const db = await uiDatabase();
  const origin = await zipPoint(db, zip);
  if (!origin) return null;
  // The reader may have revoked the host in the browser's settings since turning this on.
  // The docked sidebar (a frame in a page) has no permissions API: it uses the cache only.
  const allowed = (await browser.permissions?.contains(LIVE_PERMISSION).catch(() => false)) ?? false;
  return liveNear(db, origin, { force, ...(allowed ? {} : { fetcher: withoutPermission }) });
}

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Opt-in current listings from FindTreatment.gov, above the bundled ones, with their own date. A failure keeps what was cached. */
export function LiveNearby({ zip, limit }: { zip: string; limit: number }) {
  const [result, setResult] = useState<LiveResult | null>(null);
  const [busy, setBusy] = useState(true);
  const load = (force: boolean) => {
    setBusy(true);
    let current = true;
    refresh(zip, force)
      .then((next) => current && setResult(next))
      .catch(() => current && setResult({ ok: false, reason: 'offline', detail: 'unexpected failure' }))
      .finally(() => current && setBusy(false));
    return () => void (current = false);
  };
  // A new ZIP uses the day's cache; only "Refresh now" asks again.
  useEffect(() => load(false), [zip]);
  if (!result) return busy ? <p aria-busy="true" class="muted small">{t('loading')}</p> : null;
  const shown = result.ok ? result : result.cached;
  // While a refresh runs, the last listings stay on screen (and the button keeps focus).
  return (
    <section aria-labelledby="live-results-heading" aria-busy={busy} class="live">
      <h3 id="live-results-heading">{shown ? t('liveResults', when(shown.fetchedAt)) : t('liveHeading')}</h3>
      {result.ok ? null : (
        <p role="status" class="warning small">
          {t('liveFailed', t(`liveReason_${result.reason}`))} {result.cached ? t('liveShowingCache', when(result.cached.fetchedAt)) : null}
        </p>
      )}
      {shown ? <LiveList rows={shown.rows.slice(0, limit)} /> : null}
      <p class="muted small">
        {t('liveCallAhead')}{' '}
        <button type="button" class="link" disabled={busy} onClick={() => load(true)}>
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
              <Phone phone={row.phone} name={row.name} />
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

/** A call link when the number is dialable (its visible text leads the accessible name); plain text otherwise. */
function Phone({ phone, name }: { phone: string; name: string }) {
  const digits = dialable(phone);
  if (!digits) return <span>{phone}</span>;
  return (
    <a href={`tel:+${digits.length === 10 ? `1${digits}` : digits}`} aria-label={t('livePhone', [phone, name])}>
      {phone}
    </a>
  );
}
