import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/**
 * The tab the sidebar is about: `?tabId=` when given (always, for the docked sidebar), or the
 * active tab of this window (following tab switches).
 */
export function useCurrentTabId(): number | undefined {
  const [tabId, setTabId] = useState<number>();
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    const fixed = Number(params.get('tabId'));
    if (fixed) return setTabId(fixed);
    // A docked sidebar always carries its tab id (a frame inside a page has no `tabs` API).
    if (!browser.tabs) return;
    const refresh = () =>
      browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTabId(tab?.id), () => undefined);
    void refresh();
    browser.tabs.onActivated.addListener(refresh);
    return () => browser.tabs.onActivated.removeListener(refresh);
  }, []);
  return tabId;
}
