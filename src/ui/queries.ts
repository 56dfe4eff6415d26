import type { DatasetSource } from '../content-data/dataset';
import type { EvidenceCard } from '../evidence/schema';
import { openDatabase } from '../db/open';
import type { CountryCode, Helpline } from '../resources/schema';

/** Confirmed helplines for a country, emergency number first. */
export async function loadHelplines(country: CountryCode): Promise<Helpline[]> {
  const db = await openDatabase();
  const rows = await db.helplines.where('country').equals(country).toArray();
  return rows.filter((h) => h.confirmed).sort((a, b) => Number(b.emergency) - Number(a.emergency));
}

export async function loadSources(): Promise<DatasetSource[]> {
  const db = await openDatabase();
  return ((await db.meta.get('sources'))?.value as DatasetSource[] | undefined) ?? [];
}

/** All evidence cards, by title. */
export async function loadCards(): Promise<EvidenceCard[]> {
  return (await openDatabase()).evidence.orderBy('id').toArray();
}
