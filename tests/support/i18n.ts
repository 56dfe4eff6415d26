import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/**
 * Make the fake browser's i18n answer from the real messages.json of `lang`, with the browser's
 * substitution rules ($NAME$ placeholders mapped to $1..$9), so components render the text a
 * reader sees.
 */
export function useLocale(lang: 'en' | 'es'): void {
  const messages = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Messages;
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => {
    const entry = messages[key];
    if (!entry) return '';
    const args = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const positional = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => args[Number(n) - 1] ?? '');
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const ph = entry.placeholders?.[name.toLowerCase()] ?? entry.placeholders?.[name] ?? entry.placeholders?.[name.toUpperCase()];
      return ph ? positional(ph.content) : '';
    });
  }) as typeof fakeBrowser.i18n.getMessage;
}
