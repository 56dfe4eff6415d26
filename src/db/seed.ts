import type { ReferenceDataset } from '../content-data/dataset';
import type { SecondChanceDB } from './database';

export type SeedOutcome = 'seeded' | 'current';

/**
 * Replace the reference tables with the bundled dataset when its version differs from the
 * stored one. One transaction: readers see the old data or the new, never half; user tables are
 * not part of the transaction, so they cannot be touched.
 */
export async function seedReferenceData(db: SecondChanceDB, dataset: ReferenceDataset): Promise<SeedOutcome> {
  return db.transaction('rw', [...db.referenceTables(), db.meta], async () => {
    const stored = await db.meta.get('datasetVersion');
    if (stored?.value === dataset.version) return 'current';
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
    ]);
    return 'seeded';
  });
}

/** Seed if needed, fetching the bundled dataset only when the stored version is stale. */
export async function ensureSeeded(
  db: SecondChanceDB,
  bundledVersion: () => Promise<string>,
  loadDataset: () => Promise<ReferenceDataset>,
): Promise<SeedOutcome> {
  const stored = await db.meta.get('datasetVersion');
  if (stored && stored.value === (await bundledVersion())) return 'current';
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
