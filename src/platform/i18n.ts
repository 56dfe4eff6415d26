import { browser } from 'wxt/browser';

/** The browser's own i18n (locale picked from the browser's UI language); falls back to the key. */
export function t(key: string, subs?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key as never, subs) || key;
  } catch {
    return key;
  }
}

/**
 * The language of the UI strings the browser picked ("en" or "es"); bundled content (steps, claims)
 * follows it, so a page never mixes languages.
 */
export const contentLang = (): 'en' | 'es' => (t('contentLang') === 'es' ? 'es' : 'en');
