import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/**
 * "Open the sidebar at this card": the popup leaves a one-time request in session storage (it
 * cannot wait for the panel to load without losing the click's user gesture); the sidebar, open
 * already or opening now, takes it and removes it.
 */
const KEY = 'sidebarFocus';
/** Older requests are stale: the panel the popup asked for never opened. */
const FRESH_MS = 60_000;

interface FocusRequest {
  card: string;
  at: number;
}

export function requestPanelFocus(card: string): Promise<void> {
  return browser.storage.session.set({ [KEY]: { card, at: Date.now() } satisfies FocusRequest }).catch(() => undefined);
}

/** The card the sidebar was asked to show, once per request. */
export function usePanelFocus(): string | undefined {
  const [card, setCard] = useState<string>();
  useEffect(() => {
    const take = (request: FocusRequest | undefined) => {
      if (!request || typeof request.card !== 'string' || Date.now() - request.at > FRESH_MS) return;
      setCard(request.card);
      void browser.storage.session.remove(KEY).catch(() => undefined);
    };
    browser.storage.session.get(KEY).then((items) => take(items[KEY] as FocusRequest | undefined), () => undefined);
    const changed = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && changes[KEY]?.newValue) take(changes[KEY].newValue as FocusRequest);
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, []);
  return card;
}
