import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { uiDatabase } from '../database';
import { send } from '../../messaging/client';
import { t } from '../../platform/i18n';
import { getSettings, updateSettings, type Settings } from '../../data/settings';
import { EmergencyLine, EmergencyStrip, HelplineList } from '../Helplines';
import { LocationForm } from '../LocationForm';
import { NearbyHelp } from '../Nearby';
import { openPanel } from '../../platform/open-panel';
import { currentHelplines } from '../queries';
import { SeedProgress } from '../SeedProgress';
import { DbErrorView, StateView, StorageNotice } from '../StateView';
import { useLive } from '../use-live';
import { cachedEmergency, rememberEmergency } from './emergency-cache';
import { OverdoseSteps } from './OverdoseSteps';

export function Popup() {
  const settings = useLive(getSettings);
  const helplines = useLive(currentHelplines);
  const emergency = helplines.status === 'ready' ? helplines.data.find((h) => h.emergency)?.dial : cachedEmergency();
  useEffect(() => {
    if (helplines.status === 'ready') rememberEmergency(helplines.data.find((h) => h.emergency)?.dial);
  }, [helplines]);
  // Known before any click, so opening the panel happens inside the click's user gesture.
  const [tab, setTab] = useState<{ id?: number; windowId?: number }>();
  useEffect(() => {
    browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => setTab(active), () => undefined);
  }, []);
  const openSidebar = () => tab?.id !== undefined && void openPanel(tab.id, tab.windowId).then(() => window.close());

  return (
    <main>
      <h1 class="visually-hidden">{t('extName')}</h1>
      {helplines.status === 'ready' ? (
        <EmergencyStrip helplines={helplines.data} />
      ) : (
        <>
          {/* Until the database answers: the last number shown, or a plain instruction. */}
          <EmergencyLine dial={emergency} />
          {helplines.status === 'error' ? <DbErrorView error={helplines.error} /> : null}
        </>
      )}
      <SeedProgress />
      <StorageNotice />
      {/* The steps never wait for the database: only the number inside them does. */}
      <OverdoseSteps emergency={emergency ?? t('emergencyGeneric')} onFullCard={tab?.id !== undefined ? openSidebar : undefined} />
      <StateView state={settings}>{(s) => <Naloxone settings={s} />}</StateView>
      <StateView state={helplines}>{(lines) => <HelplineList helplines={lines} />}</StateView>
      <nav class="actions" aria-label={t('extName')}>
        <button type="button" disabled={tab?.id === undefined} onClick={openSidebar}>
          {t('openSidebar')}
        </button>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
        <button
          type="button"
          class="link"
          disabled={tab?.id === undefined}
          onClick={() => tab?.id !== undefined && void send('quickHide', { tabId: tab.id }).then(() => window.close())}
        >
          {t('quickHide')}
        </button>
      </nav>
    </main>
  );
}

function Naloxone({ settings }: { settings: Settings }) {
  const [editing, setEditing] = useState(false);
  const save = async (patch: Partial<Settings>) => updateSettings(await uiDatabase(), patch);
  const unknown = settings.country === 'US' && !settings.zip;
  return (
    <section aria-labelledby="naloxone-heading">
      <h2 id="naloxone-heading">{t('naloxoneHeading')}</h2>
      <p>{settings.country === 'US' ? t('naloxoneOtcUS') : t('naloxoneOther')}</p>
      {!unknown && !editing ? <NearbyHelp settings={settings} limit={3} choose={false} /> : null}
      {unknown || editing ? (
        <>
          <p class="muted small">{t('locationPrompt')}</p>
          <LocationForm settings={settings} save={save} />
        </>
      ) : (
        <p class="small">
          {settings.zip ? t('locationShown', settings.zip) : t(`country_${settings.country}`)}{' '}
          <button type="button" class="link" onClick={() => setEditing(true)}>
            {t('changeLocation')}
          </button>
        </p>
      )}
    </section>
  );
}
