import type { DatasetSource } from '../data/dataset';
import { localizeCard, type LocalizedCard } from '../shared/evidence/localize';
import { contentLang } from '../platform/i18n';
import type { SecondChanceDB } from '../data/db/database';
import type { Helpline } from '../data/resources/schema';
import { getSettings } from '../data/settings';
import { uiDatabase } from './database';

/** Confirmed helplines for the reader's country, emergency number first. A live query: it re-runs when the country changes. */
export async function currentHelplines(db: SecondChanceDB): Promise<Helpline[]> {
  const { country } = await getSettings(db);
  const rows = await db.helplines.where('country').equals(country).toArray();
  return rows.filter((h) => h.confirmed).sort((a, b) => Number(b.emergency) - Number(a.emergency));
}

export async function loadSources(): Promise<DatasetSource[]> {
  const db = await uiDatabase();
  return ((await db.meta.get('sources'))?.value as DatasetSource[] | undefined) ?? [];
}

/** All evidence cards, by id, in the reader's language where translated. */
export async function loadCards(): Promise<LocalizedCard[]> {
  const lang = contentLang();
  return (await (await uiDatabase()).evidence.orderBy('id').toArray()).map((card) => localizeCard(card, lang));
}
