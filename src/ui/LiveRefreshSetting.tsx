import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../platform/i18n';
import { LIVE_PERMISSION } from '../data/resources/live';
import type { Settings } from '../data/settings';

/** The opt-in live refresh (options, the first-run page, the sidebar's help near you): asks for the host permission in the click. */
export function LiveRefreshSetting({ settings, save, children, level = 2 }: { settings: Settings; save: (patch: Partial<Settings>) => Promise<void>; children?: ComponentChildren; level?: 2 | 3 }) {
  const H = `h${level}` as 'h2';
  const [status, setStatus] = useState('');
  const change = async (box: HTMLInputElement) => {
    const on = box.checked;
    // The box shows the stored setting, not the click, until the browser has answered.
    box.checked = settings.liveRefresh;
    if (on) {
      setStatus(t('liveAsking'));
      // Asked here, inside the click: the permission exists only while the reader wants it.
      const granted = await browser.permissions.request(LIVE_PERMISSION).catch(() => false);
      if (!granted) return setStatus(t('liveDenied'));
    } else await browser.permissions.remove(LIVE_PERMISSION).catch(() => false);
    setStatus('');
    await save({ liveRefresh: on });
  };
  return (
    <section aria-labelledby="live-heading">
      <H id="live-heading">{t('liveHeading')}</H>
      {children}
      <label class="check">
        <input type="checkbox" checked={settings.liveRefresh} onChange={(e) => void change(e.currentTarget)} />
        {t('liveLabel')}
      </label>
      <p class="muted small">{t('liveExplain')}</p>
      <p role="status">{status}</p>
    </section>
  );
}
