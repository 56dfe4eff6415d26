import { useState } from 'preact/hooks';
import { uiDatabase } from '../database';
import { send } from '../../messaging/client';
import { t } from '../../platform/i18n';
import { getSettings, updateSettings, type Settings } from '../../data/settings';
import { LiveRefreshSetting } from '../LiveRefreshSetting';
import { LocationForm } from '../LocationForm';
import { registeredShortcuts } from '../../platform/shortcuts';
import { ChangeShortcuts, ShortcutList } from '../Shortcuts';
import { rememberEmergency } from '../popup/emergency-cache';
import { loadSources } from '../queries';
import { useLive } from '../use-live';
import { SettingToggle } from '../SettingToggle';
import { StateView, StorageNotice } from '../StateView';
import { useAsync } from '../use-async';

export function Options() {
  // Live: a change made here, in the popup or the sidebar shows everywhere without a reload.
  const settings = useLive(getSettings);
  const sources = useAsync(loadSources, []);
  const save = async (patch: Partial<Settings>) => {
    await updateSettings(await uiDatabase(), patch);
  };
  return (
    <main>
      <h1>{t('optionsHeading')}</h1>
      <p class="muted">{t('privacyNote')}</p>
      <StorageNotice />
      <StateView state={settings}>{(s) => <SettingsForm settings={s} save={save} />}</StateView>
      <KeyboardShortcuts />
      <WipeData />
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
        <h2 id="location-heading">{t('locationHeading')}</h2>
        <LocationForm settings={settings} save={save} />
      </section>
      <section aria-labelledby="pause-heading">
        <h2 id="pause-heading" class="visually-hidden">{t('pauseLabel')}</h2>
        <SettingToggle checked={settings.paused} onToggle={(paused) => save({ paused })}>
          {t('pauseLabel')}
        </SettingToggle>
      </section>
      <LiveRefreshSetting settings={settings} save={save} />
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

function WipeData() {
  const [asking, setAsking] = useState(false);
  const [status, setStatus] = useState('');
  const wipe = async () => {
    const reply = await send('wipeAll', { confirm: true });
    rememberEmergency(undefined);
    setAsking(false);
    setStatus(reply.ok ? t('wipeDone') : t('dbError_failed'));
  };
  return (
    <section aria-labelledby="wipe-heading">
      <h2 id="wipe-heading">{t('wipeHeading')}</h2>
      <p class="muted small">{t('wipeExplain')}</p>
      <p class="small">{t('wipeOutside')}</p>
      {asking ? (
        <div role="alertdialog" aria-labelledby="wipe-heading" aria-describedby="wipe-ask" class="row">
          <p id="wipe-ask">{t('wipeAsk')}</p>
          <button type="button" class="danger" onClick={() => void wipe()}>
            {t('wipeConfirm')}
          </button>
          <button type="button" class="link" onClick={() => setAsking(false)}>
            {t('wipeCancel')}
          </button>
        </div>
      ) : (
        <button type="button" class="danger" onClick={() => setAsking(true)}>
          {t('wipeButton')}
        </button>
      )}
      <p role="status">{status}</p>
    </section>
  );
}

/** The keys the browser registered (not the ones we suggested), and where to change them. */
function KeyboardShortcuts() {
  const shortcuts = useAsync(registeredShortcuts, []);
  return (
    <section aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{t('shortcutsHeading')}</h2>
      <StateView state={shortcuts}>{(s) => <ShortcutList shortcuts={s} />}</StateView>
      <ChangeShortcuts />
    </section>
  );
}
