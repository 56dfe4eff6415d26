import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { uiDatabase } from '../database';
import { send } from '../../messaging/client';
import { t } from '../../platform/i18n';
import { getSettings, updateSettings, type Settings } from '../../data/settings';
import { EmergencyLine, EmergencyStrip, HelplineList } from '../Helplines';
import { LocationForm } from '../LocationForm';
import { NearbyHelp } from '../Nearby';
import { closePanelNow, openPanel } from '../../platform/open-panel';
import { requestPanelFocus } from '../panel-focus';
import { currentHelplines } from '../queries';
import { SeedProgress } from '../SeedProgress';
import { registeredShortcuts } from '../../platform/shortcuts';
import { ChangeShortcuts } from '../Shortcuts';
import { DbErrorView, StateView, StorageNotice } from '../StateView';
import { useAsync } from '../use-async';
import { useLive } from '../use-live';
import { cachedEmergency, rememberEmergency } from './emergency-cache';
import { NaloxoneAccessUS } from './NaloxoneAccess';
import { OverdoseSteps } from './OverdoseSteps';
import { Paused } from '../Paused';
import { NaloxoneReady } from '../naloxone/NaloxoneReady';
import { useKits } from '../naloxone/use-kits';

/** The evidence card "Full guide in the sidebar" opens. */
const OVERDOSE_GUIDE = 'overdose-response';

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
  const openSidebar = (card?: string) => {
    if (tab?.id === undefined) return;
    const opening = openPanel(tab.id, tab.windowId); // first: still inside the click
    void Promise.all([opening, card ? requestPanelFocus(card) : undefined]).then(() => window.close());
  };
  const quickHide = () => {
    if (tab?.id === undefined) return;
    closePanelNow(tab.windowId); // first: still inside the click (Firefox needs that)
    void send('quickHide', { tabId: tab.id }).then(() => window.close());
  };

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
      {/* The steps never wait for the database: only the number inside them does. Notices come
          after them so the call link and steps 1-6 stay in the popup's first screen. */}
      <OverdoseSteps emergency={emergency ?? t('emergencyGeneric')} onFullCard={tab?.id !== undefined ? () => openSidebar(OVERDOSE_GUIDE) : undefined} />
      {settings.status === 'ready' && settings.data.paused ? <Paused message={t('popupPaused')} /> : null}
      <SeedProgress />
      <StorageNotice />
      <StateView state={settings}>{(s) => <Naloxone settings={s} />}</StateView>
      <Kits />
      <StateView state={helplines}>{(lines) => <HelplineList helplines={lines} />}</StateView>
      <PopupShortcut />
      <nav class="actions" aria-label={t('extName')}>
        <button type="button" disabled={tab?.id === undefined} onClick={() => openSidebar()}>
          {t('openSidebar')}
        </button>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
        <button type="button" class="link" disabled={tab?.id === undefined} onClick={quickHide}>
          {t('quickHide')}
        </button>
      </nav>
    </main>
  );
}

/** "I have naloxone": the reader's kits, their reminders and how to keep them ready. */
function Kits() {
  const { kits, actions } = useKits();
  return (
    <>
      <StateView state={kits}>{(list) => <NaloxoneReady kits={list} actions={actions} />}</StateView>
      <p class="small">
        <a href={browser.runtime.getURL('/after-overdose.html')} target="_blank" rel="noopener">
          {t('afterLink')}
        </a>
        {' · '}
        <a href={browser.runtime.getURL('/plan.html')} target="_blank" rel="noopener">
          {t('planLink')}
        </a>
      </p>
    </>
  );
}


/** The key the browser really registered for this popup, or that none is set, and where to change it. */
function PopupShortcut() {
  const shortcuts = useAsync(registeredShortcuts, []);
  if (shortcuts.status !== 'ready') return null;
  const key = shortcuts.data.naloxone;
  return (
    <p class="small shortcut-line">
      {key ? t('shortcutPopupIs', key) : t('shortcutPopupNone')} <ChangeShortcuts />
    </p>
  );
}

function Naloxone({ settings }: { settings: Settings }) {
  const [editing, setEditing] = useState(false);
  const save = async (patch: Partial<Settings>) => updateSettings(await uiDatabase(), patch);
  const unknown = settings.country === 'US' && !settings.zip;
  return (
    <>
      <section aria-labelledby="naloxone-heading">
        <h2 id="naloxone-heading">{t('naloxoneHeading')}</h2>
        {settings.country === 'US' ? <NaloxoneAccessUS /> : <p>{t('naloxoneOther')}</p>}
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
      {!unknown && !editing && settings.country === 'US' ? (
        <section aria-labelledby="treatment-heading">
          <h2 id="treatment-heading">{t('treatmentNearHeading')}</h2>
          <NearbyHelp settings={settings} limit={3} choose={false} />
        </section>
      ) : null}
    </>
  );
}
