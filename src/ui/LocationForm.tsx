import { useState } from 'preact/hooks';
import { uiDatabase } from './database';
import { t } from '../i18n';
import { nearestZip, zipPoint } from '../resources/nearby';
import { CountryCode } from '../resources/schema';
import type { Settings } from '../settings/settings';

/** Country (for numbers and helplines) and, in the US, a ZIP code checked against the offline data. */
export function LocationForm({ settings, save }: { settings: Settings; save: (patch: Partial<Settings>) => Promise<unknown> }) {
  return (
    <div class="location">
      <label>
        {t('countryLabel')}{' '}
        <select value={settings.country} onChange={(e) => void save({ country: CountryCode.parse(e.currentTarget.value) })}>
          {CountryCode.options.map((code) => (
            <option key={code} value={code}>
              {t(`country_${code}`)}
            </option>
          ))}
        </select>
      </label>
      {/* Keyed by the stored ZIP: a change elsewhere (or Delete all my data) resets the field. */}
      {settings.country === 'US' ? <ZipForm key={settings.zip ?? ''} zip={settings.zip} save={save} /> : null}
    </div>
  );
}

function ZipForm({ zip, save }: { zip: string | null; save: (patch: Partial<Settings>) => Promise<unknown> }) {
  const [value, setValue] = useState(zip ?? '');
  const [message, setMessage] = useState(zip ? t('zipSaved', zip) : '');
  const submit = async (e: Event) => {
    e.preventDefault();
    const candidate = value.trim();
    if (!/^\d{5}$/.test(candidate)) return setMessage(t('zipInvalid'));
    const known = await zipPoint(await uiDatabase(), candidate);
    if (!known) return setMessage(t('zipUnknown', candidate));
    await save({ zip: candidate });
    setMessage(t('zipSaved', candidate));
  };
  // The browser is asked only on this click; the position is turned into the nearest ZIP and dropped.
  const locate = async () => {
    setMessage(t('locating'));
    const position = await currentPosition().catch(() => undefined);
    if (!position) return setMessage(t('locationDenied'));
    const near = await nearestZip(await uiDatabase(), { lat: position.coords.latitude, lon: position.coords.longitude });
    if (!near) return setMessage(t('locationNoZip'));
    setValue(near.zip);
    await save({ zip: near.zip });
    setMessage(t('zipSaved', near.zip));
  };
  return (
    <form onSubmit={(e) => void submit(e)} class="zip">
      <label for="zip">{t('zipLabel')}</label>
      <input id="zip" inputMode="numeric" autocomplete="postal-code" maxLength={5} value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      <button type="submit">{t('zipSave')}</button>
      {'geolocation' in navigator ? (
        <button type="button" class="link" onClick={() => void locate()}>
          {t('useMyLocation')}
        </button>
      ) : null}
      <p role="status">{message}</p>
      <p class="muted small">{t('locationPrivacy')}</p>
    </form>
  );
}

function currentPosition(): Promise<GeolocationPosition> {
  return new Promise((resolve, reject) =>
    // Coarse is enough for a ZIP; a timeout so a prompt the browser never shows cannot hang the form.
    navigator.geolocation.getCurrentPosition(resolve, reject, { enableHighAccuracy: false, maximumAge: 600_000, timeout: 15_000 }),
  );
}
