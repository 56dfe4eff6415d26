import { useState } from 'preact/hooks';
import { classifyDbError } from '../data/db/open';
import { readOnce } from './database';
import { t } from '../platform/i18n';
import { CountryCode } from '../data/resources/schema';
import type { Settings } from '../data/settings';

type Save = (patch: Partial<Settings>) => Promise<unknown>;

/** Country (for numbers and helplines) and, in the US, a ZIP code checked against the offline data. */
export function LocationForm({ settings, save }: { settings: Settings; save: Save }) {
  // The status line lives here, outside the keyed ZIP form, so a save's confirmation is announced.
  const [message, setMessage] = useState(settings.zip ? t('zipSaved', settings.zip) : '');
  const saveOrSay: Save = (patch) => save(patch).catch((error) => setMessage(t(`dbError_${classifyDbError(error)}`)));
  return (
    <div class="location">
      <label>
        {t('countryLabel')}{' '}
        <select value={settings.country} onChange={(e) => void saveOrSay({ country: CountryCode.parse(e.currentTarget.value) })}>
          {CountryCode.options.map((code) => (
            <option key={code} value={code}>
              {t(`country_${code}`)}
            </option>
          ))}
        </select>
      </label>
      {/* Keyed by the stored ZIP: a change elsewhere (or Delete all my data) resets the field. */}
      {settings.country === 'US' ? <ZipForm key={settings.zip ?? ''} zip={settings.zip} save={save} say={setMessage} /> : null}
      <p role="status">{message}</p>
    </div>
  );
}

function ZipForm({ zip, save, say }: { zip: string | null; save: Save; say: (message: string) => void }) {
  const [value, setValue] = useState(zip ?? '');
  // Any failure (storage full, blocked) is said in the status line instead of leaving "Locating…".
  const attempt = (action: () => Promise<unknown>) => action().catch((error) => say(t(`dbError_${classifyDbError(error)}`)));
  const saveZip = async (candidate: string) => {
    await save({ zip: candidate });
    say(t('zipSaved', candidate));
  };
  const submit = async () => {
    const candidate = value.trim();
    if (!/^\d{5}$/.test(candidate)) return say(t('zipInvalid'));
    if (!(await readOnce('zipPoint', { zip: candidate }))) return say(t('zipUnknown', candidate));
    await saveZip(candidate);
  };
  // The browser is asked only on this click; the position is turned into the nearest ZIP and dropped.
  const locate = async () => {
    say(t('locating'));
    const position = await currentPosition().catch(() => undefined);
    if (!position) return say(t('locationDenied'));
    const near = await readOnce('nearestZip', { lat: position.coords.latitude, lon: position.coords.longitude });
    if (!near) return say(t('locationNoZip'));
    setValue(near.zip);
    await saveZip(near.zip);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void attempt(submit);
      }}
      class="zip"
    >
      <label for="zip">{t('zipLabel')}</label>
      <input id="zip" inputMode="numeric" autocomplete="postal-code" maxLength={5} value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      <button type="submit">{t('zipSave')}</button>
      {'geolocation' in navigator ? (
        <button type="button" class="link" onClick={() => void attempt(locate)}>
          {t('useMyLocation')}
        </button>
      ) : null}
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
