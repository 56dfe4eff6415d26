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
    installTaskQueue();
    const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
    const db = new SecondChanceDB(DB_NAME, { indexedDB, IDBKeyRange });
    await db.open();
    await seedReferenceData(db, await fetchBundledDataset());
    return db;
  })();
  memory.catch(() => (memory = undefined));
  return memory;
}

/**
 * fake-indexeddb runs each request in a new task: setImmediate, else scheduler.postTask, else
 * setTimeout(0). Firefox before 142 (ESR 140) has neither of the first two, and nested
 * setTimeout(0) is clamped to 4 ms, so seeding the bundled data took ~20 s there. A MessageChannel
 * task is not clamped. Only defined where missing, in our own extension page.
 */
export function installTaskQueue(scope: { setImmediate?: unknown; scheduler?: unknown } = globalThis as never): void {
  if (typeof scope.setImmediate === 'function' || typeof scope.scheduler !== 'undefined') return;
  const queue: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  scope.setImmediate = (task: () => void) => {
    queue.push(task);
    channel.port2.postMessage(undefined);
  };
}
