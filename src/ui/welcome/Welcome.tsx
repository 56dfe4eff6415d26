import { t } from '../../platform/i18n';
import { getSettings, updateSettings, type Settings } from '../../data/settings';
import { uiDatabase } from '../database';
import { LiveRefreshSetting } from '../LiveRefreshSetting';
import { LocationForm } from '../LocationForm';
import { isFirefox, registeredShortcuts } from '../../platform/shortcuts';
import { ChangeShortcuts, ShortcutList } from '../Shortcuts';
import { StateView, StorageNotice } from '../StateView';
import { useAsync } from '../use-async';
import { useLive } from '../use-live';

/** Opened once, on install: what to set up so the toolbar button and its keys work when needed. */
export function Welcome() {
  const settings = useLive(getSettings);
  const shortcuts = useAsync(registeredShortcuts, []);
  const save = async (patch: Partial<Settings>) => {
    await updateSettings(await uiDatabase(), patch);
  };
  const firefox = isFirefox();
  return (
    <main class="welcome">
      <h1>{t('welcomeHeading')}</h1>
      <p>{t('welcomeIntro')}</p>
      <StorageNotice />
      <section aria-labelledby="pin-heading">
        <h2 id="pin-heading">{t('welcomePinHeading')}</h2>
        <p>{firefox ? t('welcomePinFirefox') : t('welcomePinChrome')}</p>
        <img src={firefox ? '/welcome/pin-firefox.svg' : '/welcome/pin-chrome.svg'} width={440} height={230} alt={firefox ? t('welcomePinAltFirefox') : t('welcomePinAltChrome')} />
      </section>
      <section aria-labelledby="where-heading">
        <h2 id="where-heading">{t('welcomeLocationHeading')}</h2>
        <p class="muted small">{t('locationPrompt')}</p>
        <StateView state={settings}>{(s) => <LocationForm settings={s} save={save} />}</StateView>
      </section>
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">{t('welcomeShortcutsHeading')}</h2>
        <StateView state={shortcuts}>{(s) => <ShortcutList shortcuts={s} only={['naloxone', 'quick-hide']} />}</StateView>
        <ChangeShortcuts />
      </section>
      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t('welcomePrivacyHeading')}</h2>
        <p>{t('privacyNote')}</p>
        <p>{t('welcomePrivacyMore')}</p>
      </section>
      <StateView state={settings}>
        {(s) => (
          <LiveRefreshSetting settings={s} save={save}>
            <p>{t('welcomeLiveOffer')}</p>
          </LiveRefreshSetting>
        )}
      </StateView>
      <p>{t('welcomeDone')}</p>
    </main>
  );
}
