import type { SecondChanceDB } from './db/database';
import { findNearby, nearestZip, zipPoint, type ResourceType } from './resources/nearby';
import type { Helpline } from './resources/schema';
import { getSettings } from './settings';
import { snippetsForPage } from './snippets/repository';

/** Confirmed helplines for the reader's country, emergency number first. */
export async function currentHelplines(db: SecondChanceDB): Promise<Helpline[]> {
  const { country } = await getSettings(db);
  const rows = await db.helplines.where('country').equals(country).toArray();
  return rows.filter((h) => h.confirmed).sort((a, b) => Number(b.emergency) - Number(a.emergency));
}

/**
 * The sidebar's reads, by name: run on the page's own database, or, for a docked sidebar whose
 * frame the browser refuses IndexedDB (third-party storage blocked), by the background on its
 * database (message `readData`). One list, so both paths run the same queries.
 */
export const READS = {
  settings: (db: SecondChanceDB) => getSettings(db),
  helplines: (db: SecondChanceDB) => currentHelplines(db),
  cards: (db: SecondChanceDB) => db.evidence.orderBy('id').toArray(),
  /** null when no ZIP is set. */
  nearby: (db: SecondChanceDB, a: { zip: string | null; type: ResourceType; limit: number }) => (a.zip ? findNearby(db, a.zip, a.type, a.limit) : Promise.resolve(null)),
  zipPoint: (db: SecondChanceDB, a: { zip: string }) => zipPoint(db, a.zip).then((p) => p ?? null),
  nearestZip: (db: SecondChanceDB, a: { lat: number; lon: number }) => nearestZip(db, a).then((p) => p ?? null),
  /** Quotes saved from a page ([] for no page). */
  pageSnippets: (db: SecondChanceDB, a: { url: string; canonicalUrl?: string }) => (a.url ? snippetsForPage(db, a.url, a.canonicalUrl) : Promise.resolve([])),
} as const;

export type ReadName = keyof typeof READS;
type Reads = typeof READS;
export type ReadArgs<K extends ReadName> = Parameters<Reads[K]> extends [SecondChanceDB, infer A] ? A : Record<string, never>;
export type ReadResult<K extends ReadName> = Awaited<ReturnType<Reads[K]>>;

export function runRead<K extends ReadName>(db: SecondChanceDB, name: K, args: ReadArgs<K>): Promise<ReadResult<K>> {
  return (READS[name] as unknown as (db: SecondChanceDB, a: ReadArgs<K>) => Promise<ReadResult<K>>)(db, args);
}
