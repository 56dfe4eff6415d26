import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReferenceDataset } from '../../../src/data/dataset';
import { SecondChanceDB, SCHEMA_V1 } from '../../../src/data/db/database';
import { createDatabaseOpener } from '../../../src/data/db/open';
import { seedReferenceData } from '../../../src/data/db/seed';
import type { Snippet } from '../../../src/data/snippets/schema';
import { smallDataset } from '../../support/dataset';

let dataset: ReferenceDataset;
let n = 0;
const names: string[] = [];
const nextName = () => {
  const name = `faults-${n++}`;
  names.push(name);
  return name;
};
const opener = (name: string, data = () => dataset) => createDatabaseOpener({ version: async () => data().version, dataset: async () => data() }, name);

const snippet = (quote: string, savedAt: number): Snippet => ({
  quote, prefix: '', suffix: '', position: { start: 0, end: quote.length }, url: 'https://example.org/a', title: 'A',
  site: 'example.org', savedAt, topics: ['overdose'], claims: [], cardIds: [], note: `note for ${quote}`, tags: ['kept'],
});

/** Every reference table's count, to compare with a cleanly seeded database. */
async function referenceCounts(db: SecondChanceDB) {
  return Object.fromEntries(await Promise.all(db.referenceTables().map(async (t) => [t.name, await t.count()] as const)));
}
let clean: Record<string, number>;

beforeAll(async () => {
  dataset = smallDataset();
  const db = new SecondChanceDB(nextName());
  await seedReferenceData(db, dataset);
  clean = await referenceCounts(db);
  db.close();
});
afterEach(async () => {
  // Deleting closes the openers' connections; Dexie warns about each, which is expected here.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  while (names.length) await Dexie.delete(names.pop()!);
  vi.restoreAllMocks();
});

/** Raw IndexedDB, no Dexie: build a database the way a crash or an old build could have left it. */
function rawDatabase(name: string, version: number, stores: Record<string, string | undefined>, rows: Record<string, unknown[]>): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      for (const [store, keyPath] of Object.entries(stores)) {
        const os = request.result.createObjectStore(store, keyPath === '++id' ? { keyPath: 'id', autoIncrement: true } : { keyPath });
        if (store === 'snippets') os.createIndex('url', 'url');
      }
    };
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const idb = request.result;
      const tx = idb.transaction(Object.keys(rows), 'readwrite');
      for (const [store, list] of Object.entries(rows)) for (const row of list) tx.objectStore(store).put(row);
      tx.oncomplete = () => (idb.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  });
}

describe('the database deleted under the running extension', () => {
  it('reopens and reseeds on the next use; a new snippet saves', async () => {
    const name = nextName();
    const open = opener(name);
    const first = await open();
    expect(await open()).toBe(first); // cached while the connection lives
    await first.snippets.add(snippet('before the delete', 1));

    // Another context deletes the database: Dexie gets 'versionchange' and closes this connection.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('delete was blocked: the connection did not close'));
    });
    expect(first.isOpen()).toBe(false);

    const second = await open();
    expect(second).not.toBe(first);
    expect(await referenceCounts(second)).toEqual(clean);
    const id = await second.snippets.add(snippet('after the delete', 2));
    expect(await second.snippets.get(id)).toMatchObject({ quote: 'after the delete' });
  });
});

describe('a database left half-upgraded', () => {
  it('reseeds when reference tables are partly filled and the version record is missing; every snippet stays', async () => {
    const name = nextName();
    const db = new SecondChanceDB(name);
    await db.open();
    await db.helplines.bulkPut(dataset.helplines.slice(0, 2));
    await db.evidence.bulkPut(dataset.evidence.slice(0, 1));
    await db.snippets.bulkAdd([snippet('one', 1), snippet('two', 2)]);
    const before = await db.snippets.toArray();
    db.close();

    const opened = await opener(name)();
    expect(await referenceCounts(opened)).toEqual(clean);
    expect(await opened.meta.get('datasetVersion')).toMatchObject({ value: dataset.version });
    expect(await opened.snippets.toArray()).toEqual(before);
  });

  it('reseeds when the version is current but a table was left empty or partial', async () => {
    for (const damage of ['no-counts', 'cleared', 'partial'] as const) {
      const name = nextName();
      const db = new SecondChanceDB(name);
      await seedReferenceData(db, dataset);
      await db.snippets.add(snippet(`kept through ${damage}`, 3));
      if (damage === 'no-counts') await db.meta.delete('datasetCounts'); // as an older build left it
      if (damage === 'cleared') await db.resources.clear();
      if (damage === 'partial') await db.zipPoints.delete((await db.zipPoints.toCollection().primaryKeys())[0]);
      db.close();

      const opened = await opener(name)();
      expect(await referenceCounts(opened), damage).toEqual(clean);
      expect(await opened.snippets.toArray()).toMatchObject([{ quote: `kept through ${damage}` }]);
      opened.close();
    }
  });

  it('upgrades a version-1 database with missing and extra tables, keeping snippets and settings', async () => {
    const name = nextName();
    // Dexie stores version 1 as IndexedDB version 10. No meta, no stateLaws; an unknown table.
    const stores = { ...Object.fromEntries(Object.keys(SCHEMA_V1).map((t) => [t, SCHEMA_V1[t as keyof typeof SCHEMA_V1].split(',')[0].trim()])) } as Record<string, string | undefined>;
    delete stores.meta;
    delete stores.stateLaws;
    stores.leftover = 'key';
    const kept = [{ ...snippet('from v1', 5), id: 1 }, { ...snippet('also from v1', 6), id: 2 }];
    await rawDatabase(name, 10, stores, {
      snippets: kept,
      settings: [{ key: 'settings', value: { zip: '80202' } }],
      helplines: dataset.helplines.slice(0, 1),
      leftover: [{ key: 'x' }],
    });

    const opened = await opener(name)();
    expect(opened.verno).toBe(3); // the newest schema (v3 added the reader's naloxone kits)
    expect(await referenceCounts(opened)).toEqual(clean);
    expect(await opened.snippets.toArray()).toEqual(kept);
    expect(await opened.settings.get('settings')).toEqual({ key: 'settings', value: { zip: '80202' } });
    expect(await opened.liveCache.count()).toBe(0);
  });

  it('completes a version-2 database that is missing tables', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined); // Dexie announces its schema patch
    const name = nextName();
    const stores: Record<string, string> = { snippets: '++id', settings: 'key', meta: 'key', evidence: 'id', helplines: 'id' };
    await rawDatabase(name, 20, stores, { snippets: [{ ...snippet('from a broken v2', 7), id: 1 }], meta: [{ key: 'datasetVersion', value: dataset.version }] });

    const opened = await opener(name)();
    expect(await referenceCounts(opened)).toEqual(clean);
    expect(await opened.snippets.toArray()).toMatchObject([{ quote: 'from a broken v2' }]);
    expect(await opened.liveCache.count()).toBe(0);
  });

  it('keeps the old reference data when a reseed fails half-way, and succeeds on the next start', async () => {
    const name = nextName();
    const db = new SecondChanceDB(name);
    await seedReferenceData(db, dataset);
    await db.snippets.add(snippet('survives a failed reseed', 8));
    db.close();

    // A newer dataset whose last write fails (a state-law row without its key): the transaction aborts.
    const broken: ReferenceDataset = { ...dataset, version: 'next', helplines: dataset.helplines.slice(0, 1), stateLaws: [{} as never] };
    // The database still opens, serving the previous dataset untouched.
    const error = console.error;
    console.error = () => undefined;
    const check = await opener(name, () => broken)().finally(() => (console.error = error));
    expect(await check.meta.get('datasetVersion')).toMatchObject({ value: dataset.version });
    expect(await referenceCounts(check)).toEqual(clean);
    check.close();

    const next: ReferenceDataset = { ...dataset, version: 'next' };
    const opened = await opener(name, () => next)();
    expect(await opened.meta.get('datasetVersion')).toMatchObject({ value: 'next' });
    expect(await opened.snippets.toArray()).toMatchObject([{ quote: 'survives a failed reseed' }]);
  });
});
