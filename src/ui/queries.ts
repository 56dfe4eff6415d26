import type { DatasetSource } from '../data/dataset';
import { localizeCard, type LocalizedCard } from '../shared/evidence/localize';
import { contentLang } from '../platform/i18n';
import { readOnce, uiDatabase } from './database';

/** Confirmed helplines for the reader's country, emergency number first. A live query: it re-runs when the country changes. */
export { currentHelplines } from '../data/reads';

export async function loadSources(): Promise<DatasetSource[]> {
  const db = await uiDatabase();
  return ((await db.meta.get('sources'))?.value as DatasetSource[] | undefined) ?? [];
}

/** All evidence cards, by id, in the reader's language where translated. */
export async function loadCards(): Promise<LocalizedCard[]> {
  const lang = contentLang();
  return (await readOnce('cards', {})).map((card) => localizeCard(card, lang));
}
