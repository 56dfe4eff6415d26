import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../data/settings';
import { saveSettings, useRead } from '../database';
import { t } from '../../platform/i18n';
import { EmergencyLine, EmergencyStrip, HelplineList } from '../Helplines';
import { cachedEmergency, rememberEmergency } from '../popup/emergency-cache';
import { LocationForm } from '../LocationForm';
import { NearbyHelp } from '../Nearby';
import { loadCards } from '../queries';
import { SeedProgress } from '../SeedProgress';
import { SettingToggle } from '../SettingToggle';
import { StateView, StorageNotice, StorageResetNotice } from '../StateView';
import { useAsync } from '../use-async';
import { useCurrentTabId } from './current-tab';
import { Evidence } from './Evidence';
import { PagePanel, useTabAnalysis } from './PagePanel';
import { PageSnippets } from './PageSnippets';
import { EvidenceCardView } from './EvidenceCardView';
import { usePanelFocus } from '../panel-focus';
import type { LocalizedCard } from '../../shared/evidence/localize';

export function Sidebar() {
  const settings = useRead('settings', {});
  const tabId = useCurrentTabId();
  const { analysis, orphaned } = useTabAnalysis(tabId);
  const cards = useAsync(loadCards, []);
  const helplines = useRead('helplines', {});
  useEffect(() => {
    if (helplines.status === 'ready') rememberEmergency(helplines.data.find((h) => h.emergency)?.dial);
  }, [helplines]);
  const focus = usePanelFocus();
  const focused = cards.status === 'ready' ? cards.data.find((c) => c.id === focus) : undefined;
  const textSize = settings.status === 'ready' ? settings.data.textSize : 'normal';
  useEffect(() => {
    document.documentElement.dataset.textSize = textSize;
  }, [textSize]);

  return (
    <>
      <header>
        {/* Never waits for storage: until the database answers, the last number shown or the plain instruction (as in the popup). */}
        {helplines.status === 'ready' ? <EmergencyStrip helplines={helplines.data} /> : <EmergencyLine dial={cachedEmergency()} />}
        <SeedProgress />
        <StorageNotice />
        <StorageResetNotice />
      </header>
      <main>
        <h1>{t('sidebarHeading')}</h1>
        {focused ? <RightNow key={focus} card={focused} expanded={settings.status === 'ready' && settings.data.counselorMode} /> : null}
        <PagePanel analysis={analysis} tabId={tabId} />
        <PageSnippets analysis={analysis} tabId={tabId} orphaned={orphaned} />
        <StateView state={settings}>
          {(s) => (
            <StateView state={cards}>{(list) => <Evidence cards={focused ? list.filter((c) => c !== focused) : list} analysis={analysis} expanded={s.counselorMode} />}</StateView>
          )}
        </StateView>
        <section aria-labelledby="nearby-heading">
          <h2 id="nearby-heading">{t('nearbyHeading')}</h2>
          <StateView state={settings}>{(s) => <LocalHelp settings={s} />}</StateView>
        </section>
        <StateView state={helplines}>{(lines) => <HelplineList helplines={lines} />}</StateView>
        <StateView state={settings}>{(s) => <DisplaySettings settings={s} />}</StateView>
        <p class="muted small">{t('privacyNote')}</p>
      </main>
    </>
  );
}

/** The card the popup asked for ("Full guide in the sidebar"), first, with the reader's focus on it. */
function RightNow({ card, expanded }: { card: LocalizedCard; expanded: boolean }) {
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    const heading = section.current?.querySelector<HTMLElement>(`#card-${card.id}`);
    if (!heading) return;
    heading.tabIndex = -1;
    heading.scrollIntoView({ block: 'start' });
    heading.focus();
  }, [card.id]);
  return (
    <section ref={section} aria-label={t('rightNowHeading')} class="right-now">
      <EvidenceCardView card={card} expanded={expanded} />
    </section>
  );
}

function LocalHelp({ settings }: { settings: Settings }) {
  // Open when there is no location yet; then it stays as the reader leaves it (saving must not hide the confirmation).
  const [openAtFirst] = useState(settings.country === 'US' && !settings.zip);
  return (
    <>
      <details open={openAtFirst}>
        <summary>{t('locationHeading')}</summary>
        <LocationForm settings={settings} save={saveSettings} />
      </details>
      <NearbyHelp settings={settings} limit={10} />
    </>
  );
}

function DisplaySettings({ settings }: { settings: Settings }) {
  return (
    <section aria-labelledby="display-heading" class="display">
      <h2 id="display-heading">{t('settingsHeading')}</h2>
      <SettingToggle checked={settings.counselorMode} onToggle={(counselorMode) => saveSettings({ counselorMode })}>
        {t('counselorMode')}
      </SettingToggle>
      <label>
        {t('textSizeLabel')}{' '}
        <select value={settings.textSize} onChange={(e) => void saveSettings({ textSize: e.currentTarget.value as Settings['textSize'] })}>
          {(['normal', 'large', 'larger'] as const).map((size) => (
            <option key={size} value={size}>
              {t(`textSize_${size}`)}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
