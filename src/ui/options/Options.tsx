import { useState } from 'preact/hooks';
import { openDatabase } from '../../db/open';
import { t } from '../../i18n';
import { CountryCode } from '../../resources/schema';
import { updateSettings, type Settings } from '../../settings/settings';
import { loadSettings, loadSources } from '../queries';
import { StateView } from '../StateView';
import { useAsync } from '../use-async';

export function Options() {
  const [version, setVersion] = useState(0);
  const settings = useAsync(loadSettings, [version]);
  const sources = useAsync(loadSources, []);
  const save = async (patch: Partial<Settings>) => {
    await updateSettings(await openDatabase(), patch);
    setVersion((v) => v + 1);
  };
  return (
    <main>
      <h1>{t('optionsHeading')}</h1>
      <p class="muted">{t('privacyNote')}</p>
      <StateView state={settings}>{(s) => <SettingsForm settings={s} save={save} />}</StateView>
      <section aria-labelledby="data-heading">
        <h2 id="data-heading">{t('dataHeading')}</h2>
        <StateView state={sources}>
          {(list) => (
            <ul>
              {list.map((s) => (
                <li key={s.id}>{t('dataAsOf', [s.name, String(s.rows), s.dataDate])}</li>
              ))}
            </ul>
          )}
        </StateView>
      </section>
    </main>
  );
}

function SettingsForm({ settings, save }: { settings: Settings; save: (patch: Partial<Settings>) => Promise<void> }) {
  return (
    <>
      <section aria-labelledby="location-heading">
        <h2 id="location-heading">{t('countryLabel')}</h2>
        <label>
          <span class="visually-hidden">{t('countryLabel')}</span>
          <select value={settings.country} onChange={(e) => void save({ country: CountryCode.parse(e.currentTarget.value) })}>
            {CountryCode.options.map((code) => (
              <option key={code} value={code}>
                {t(`country_${code}`)}
              </option>
            ))}
          </select>
        </label>
        {settings.country === 'US' ? <ZipForm zip={settings.zip} save={save} /> : null}
      </section>
      <section aria-labelledby="pause-heading">
        <h2 id="pause-heading" class="visually-hidden">{t('pauseLabel')}</h2>
        <label class="check">
          <input type="checkbox" checked={settings.paused} onChange={(e) => void save({ paused: e.currentTarget.checked })} />
          {t('pauseLabel')}
        </label>
      </section>
      <section aria-labelledby="muted-heading">
        <h2 id="muted-heading">{t('mutedHeading')}</h2>
        {settings.mutedSites.length === 0 ? (
          <p class="muted">{t('mutedEmpty')}</p>
        ) : (
          <ul>
            {settings.mutedSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button type="button" onClick={() => void save({ mutedSites: settings.mutedSites.filter((s) => s !== site) })}>
                  {t('unmute', site)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function ZipForm({ zip, save }: { zip: string | null; save: (patch: Partial<Settings>) => Promise<void> }) {
  const [value, setValue] = useState(zip ?? '');
  const [message, setMessage] = useState(zip ? t('zipSaved', zip) : '');
  const submit = async (e: Event) => {
    e.preventDefault();
    const candidate = value.trim();
    if (!/^\d{5}$/.test(candidate)) return setMessage(t('zipInvalid'));
    const known = await (await openDatabase()).zipPoints.get(candidate);
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
