import { browser } from 'wxt/browser';
import type messages from '../../public/_locales/en/messages.json';

/** Every UI string's name, from the English message file (tests/unit/i18n checks Spanish has the same). */
export type MessageKey = keyof typeof messages;

/** The browser's getMessage, for our own keys: WXT's generated overloads name each key separately. */
const getMessage: (key: MessageKey, subs?: string | string[]) => string = (key, subs) => browser.i18n.getMessage(key, subs);

/** The browser's own i18n (locale picked from the browser's UI language); falls back to the key. */
export function t(key: MessageKey, subs?: string | string[]): string {
  try {
    return getMessage(key, subs) || key;
  } catch {
    return key;
  }
}
/**
 * The language of the UI strings the browser picked ("en" or "es"); bundled content (steps, claims)
 * follows it, so a page never mixes languages.
 */
export const contentLang = (): 'en' | 'es' => (t('contentLang') === 'es' ? 'es' : 'en');
