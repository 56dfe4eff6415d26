import { useState } from 'preact/hooks';
import { openDatabase } from '../db/open';
import { t } from '../i18n';
import { zipPoint } from '../resources/nearby';
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
    const known = await zipPoint(await openDatabase(), candidate);
    if (!known) return setMessage(t('zipUnknown', candidate));
    await save({ zip: candidate });
    setMessage(t('zipSaved', candidate));
  };
  return (
    <form onSubmit={(e) => void submit(e)} class="zip">
      <label for="zip">{t('zipLabel')}</label>
      <input id="zip" inputMode="numeric" autocomplete="postal-code" maxLength={5} value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      <button type="submit">{t('zipSave')}</button>
      <p role="status">{message}</p>
    </form>
  );
}
