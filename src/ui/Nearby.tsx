import { useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import { FIND_TREATMENT_URL, mapLink, RESOURCE_TYPES, type Nearby, type ResourceType } from '../data/resources/nearby';
import type { Settings } from '../data/settings';
import { LawPanel } from './LawPanel';
import { LiveNearby } from './LiveNearby';
import { StateView } from './StateView';
import { useRead } from './database';

/** Nearest listed programs for the saved ZIP, with their data date, and the state's laws. */
export function NearbyHelp({ settings, limit, choose = true }: { settings: Settings; limit: number; choose?: boolean }) {
  const [type, setType] = useState<ResourceType>('all');
  const zip = settings.country === 'US' ? settings.zip : null;
  const nearby = useRead('nearby', { zip, type, limit }, [zip, type, limit]);
  if (settings.country !== 'US') return <p class="muted small">{t('nearbyNotUS')}</p>;
  if (!zip) return <p class="muted small">{t('nearbyZipUnknown')}</p>;
  return (
    <div class="nearby">
      {choose ? (
        <div class="row">
          <label for="nearby-type">{t('nearbyType')}</label>
          <select id="nearby-type" value={type} onChange={(e) => setType(e.currentTarget.value as ResourceType)}>
            {RESOURCE_TYPES.map((value) => (
              <option key={value} value={value}>
                {t(`type_${value}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {settings.liveRefresh ? (
        <>
          <LiveNearby zip={zip} limit={limit} />
          <h3>{t('bundledHeading')}</h3>
        </>
      ) : null}
      <StateView state={nearby}>{(result) => (result ? <NearbyList result={result} /> : null)}</StateView>
      <p class="muted small">
        {nearby.status === 'ready' && nearby.data ? t('dataAsOfCallAhead', nearby.data.asOf) : null}{' '}
        <a href={FIND_TREATMENT_URL} target="_blank" rel="noopener noreferrer">
          {t('findTreatment')}
        </a>
      </p>
      {nearby.status === 'ready' && nearby.data?.law ? <LawPanel law={nearby.data.law} /> : null}
    </div>
  );
}

function NearbyList({ result }: { result: Nearby }) {
  if (!result.rows.length) return <p>{t('nearbyNone', String(result.radiusMiles))}</p>;
  return (
    <ol class="places">
      {result.rows.map((row) => (
        <li key={row.id}>
          <strong>{row.name}</strong> <span class="muted">· {t('distance', row.distanceMiles.toFixed(1))}</span>
          <br />
          <span>{[row.address, row.city, row.state].filter(Boolean).join(', ')}</span>{' '}
          <a href={mapLink(row)} target="_blank" rel="noopener noreferrer" aria-label={`${t('mapLink')}: ${row.name}`}>
            {t('mapLink')}
          </a>
          {row.kind === 'otp' || row.medications.length ? (
            <div class="badges">
              {row.kind === 'otp' ? <span class="badge">{t('otpBadge')}</span> : null}
              {row.medications.map((m) => (
                <span class="badge" key={m}>
                  {t(`type_${m}`).split(' (')[0]}
                </span>
              ))}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
