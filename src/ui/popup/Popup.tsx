import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../i18n';
import { EmergencyStrip, HelplineList } from '../Helplines';
import { openPanel } from '../open-panel';
import { loadHelp } from '../queries';
import { StateView } from '../StateView';
import { useAsync } from '../use-async';

export function Popup() {
  const help = useAsync(loadHelp, []);
  // Known before any click, so opening the panel happens inside the click's user gesture.
  const [tab, setTab] = useState<{ id?: number; windowId?: number }>();
  useEffect(() => {
    browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => setTab(active), () => undefined);
  }, []);

  return (
    <main>
      <h1 class="visually-hidden">{t('extName')}</h1>
      <StateView state={help}>
        {({ helplines }) => (
          <>
            <EmergencyStrip helplines={helplines} />
            <HelplineList helplines={helplines} />
          </>
        )}
      </StateView>
      <nav class="actions" aria-label={t('extName')}>
        <button
          type="button"
          disabled={tab?.id === undefined}
          onClick={() => tab?.id !== undefined && void openPanel(tab.id, tab.windowId).then(() => window.close())}
        >
          {t('openSidebar')}
        </button>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </nav>
    </main>
  );
}
