import { DB_NAME, SecondChanceDB } from './database';
import { fetchBundledDataset } from './open';
import { seedReferenceData } from './seed';

let memory: Promise<SecondChanceDB> | undefined;

/**
 * When the browser refuses IndexedDB (blocked storage, a broken upgrade, no quota): the same
 * database and queries, held in this page's memory and filled from the bundled files, so nearby
 * help, laws and helplines still work. Nothing written to it outlives the page; the UI says so.
 * fake-indexeddb is a complete IndexedDB in JavaScript, loaded only in this case.
 */
export function openMemoryDatabase(): Promise<SecondChanceDB> {
  memory ??= (async () => {
    const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
    const db = new SecondChanceDB(DB_NAME, { indexedDB, IDBKeyRange });
    await db.open();
    await seedReferenceData(db, await fetchBundledDataset());
    return db;
  })();
  memory.catch(() => (memory = undefined));
  return memory;
}
