import type { DatasetSource } from '../content-data/dataset';
import type { EvidenceCard } from '../evidence/schema';
import type { SecondChanceDB } from '../db/database';
import type { Helpline } from '../resources/schema';
import { getSettings } from '../settings/settings';
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

/** All evidence cards, by title. */
export async function loadCards(): Promise<EvidenceCard[]> {
  return (await uiDatabase()).evidence.orderBy('id').toArray();
}
