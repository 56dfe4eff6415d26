import type { ReferenceDataset } from '../content-data/dataset';
import type { SecondChanceDB } from './database';

export type SeedOutcome = 'seeded' | 'current';

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
 * stored one, or the stored tables are incomplete. One transaction: readers see the old data or the new, never half; user tables are
 * not part of the transaction, so they cannot be touched.
 */
export async function seedReferenceData(db: SecondChanceDB, dataset: ReferenceDataset): Promise<SeedOutcome> {
  return db.transaction('rw', [...db.referenceTables(), db.meta], async () => {
    if (await isCurrent(db, dataset.version)) return 'current';
    await Promise.all(db.referenceTables().map((t) => t.clear()));
    await db.evidence.bulkPut(dataset.evidence);
    await db.helplines.bulkPut(dataset.helplines);
    await db.zipPoints.bulkPut(bucket(dataset.zipPoints, (p) => p.zip.slice(0, 3)).map(([prefix, points]) => ({ prefix, points })));
    await db.resources.bulkPut(bucket(dataset.resources, (r) => r.cell).map(([cell, rows]) => ({ cell, rows })));
    await db.stateLaws.bulkPut(dataset.stateLaws);
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
): Promise<SeedOutcome> {
  if (await isCurrent(db, await bundledVersion())) return 'current';
  return seedReferenceData(db, await loadDataset());
}

function bucket<T>(items: T[], keyOf: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups];
}
