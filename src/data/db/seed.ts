import type { ReferenceDataset } from '../dataset';
import type { Table } from 'dexie';
import type { SecondChanceDB } from './database';
import { bucketBy, zipPrefix } from '../../shared/geo/nearest';

/** 'kept': a new dataset could not be loaded or written, and the previous one still serves. */
export type SeedOutcome = 'seeded' | 'current' | 'kept';

/** Rows per write: small enough that progress moves and other readers get turns between chunks. */
const CHUNK = 100;

export type SeedProgress = (done: number, total: number) => void;

type Counts = Record<string, number>;

/** How many records each reference table should hold after seeding (recorded with the version). */
async function tableCounts(db: SecondChanceDB): Promise<Counts> {
  const counts: Counts = {};
  for (const table of db.referenceTables()) counts[table.name] = await table.count();
  return counts;
}

/**
 * Whether the stored reference data is this version *and* complete. The version alone is not
 * enough: a database left half-written (tables cleared or partly filled by an older build, or by
 * hand) would otherwise count as current forever. Counting five tables is a few index reads.
 */
async function isCurrent(db: SecondChanceDB, version: string): Promise<boolean> {
  const [stored, expected] = await Promise.all([db.meta.get('datasetVersion'), db.meta.get('datasetCounts')]);
  if (stored?.value !== version || !expected) return false;
  const want = expected.value as Counts;
  const have = await tableCounts(db);
  return Object.keys(have).every((name) => want?.[name] === have[name]);
}

/**
 * Replace the reference tables with the bundled dataset when its version differs from the
 * stored one, or the stored tables are incomplete. One transaction: readers see the old data or
 * the new, never half; user tables are not part of the transaction, so they cannot be touched.
 * Writes go in chunks, reporting progress.
 */
export async function seedReferenceData(db: SecondChanceDB, dataset: ReferenceDataset, onProgress?: SeedProgress): Promise<SeedOutcome> {
  return db.transaction('rw', [...db.referenceTables(), db.meta], async () => {
    if (await isCurrent(db, dataset.version)) return 'current';
    await Promise.all(db.referenceTables().map((t) => t.clear()));
    const writes: [Table, unknown[]][] = [
      [db.evidence, dataset.evidence],
      [db.helplines, dataset.helplines],
      [db.stateLaws, dataset.stateLaws],
      [db.zipPoints, [...bucketBy(dataset.zipPoints, (p) => zipPrefix(p.zip))].map(([prefix, points]) => ({ prefix, points }))],
      [db.resources, [...bucketBy(dataset.resources, (r) => r.cell)].map(([cell, rows]) => ({ cell, rows }))],
    ];
    const total = writes.reduce((sum, [, rows]) => sum + rows.length, 0);
    let done = 0;
    for (const [table, rows] of writes) {
      for (let at = 0; at < rows.length; at += CHUNK) {
        const chunk = rows.slice(at, at + CHUNK);
        await table.bulkPut(chunk);
        onProgress?.((done += chunk.length), total);
      }
    }
    await db.meta.bulkPut([
      { key: 'datasetVersion', value: dataset.version },
      { key: 'sources', value: dataset.sources },
      { key: 'resourcesAsOf', value: dataset.resourcesAsOf },
      { key: 'seededAt', value: Date.now() },
      { key: 'datasetCounts', value: await tableCounts(db) },
    ]);
    return 'seeded';
  });
}

/** Seed if needed, fetching the bundled dataset only when the stored data is stale or incomplete. */
export async function ensureSeeded(
  db: SecondChanceDB,
  bundledVersion: () => Promise<string>,
  loadDataset: () => Promise<ReferenceDataset>,
  onProgress?: SeedProgress,
): Promise<SeedOutcome> {
  if (await isCurrent(db, await bundledVersion())) return 'current';
  const stored = await db.meta.get('datasetVersion');
  try {
    return await seedReferenceData(db, await loadDataset(), onProgress);
  } catch (error) {
    // A damaged bundled file (or a failed write) aborts the transaction; the previous dataset is
    // intact, so keep serving it rather than leave the reader with nothing.
    if (!stored) throw error;
    console.error('[second-chance] new dataset refused, keeping the previous one', error);
    return 'kept';
  }
}
