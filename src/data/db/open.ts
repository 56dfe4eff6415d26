import { browser } from 'wxt/browser';
import Dexie from 'dexie';
import { DATASET_PARTS, DATASET_VERSION_PATH, type ReferenceDataset } from '../dataset';
import { DB_NAME, SecondChanceDB } from './database';
import { ensureSeeded, type SeedProgress } from './seed';

/** Why the database could not be used; each kind has its own advice in the UI (dbError_<problem>). */
export const DB_PROBLEMS = ['unavailable', 'blocked', 'full', 'failed'] as const;
export type DbProblem = (typeof DB_PROBLEMS)[number];

export class DbUnavailableError extends Error {
  override name = 'DbUnavailableError';
  constructor(
    readonly problem: DbProblem,
    cause?: unknown,
  ) {
    super(`database ${problem}: ${cause instanceof Error ? cause.message : String(cause ?? '')}`);
  }
}

/**
 * Whether a failure was the browser's storage quota (a full disk, or the origin's share of it).
 * IndexedDB reports it on the request, Dexie may wrap it (inner) or collect it (bulk failures),
 * and an aborted transaction can carry it as its cause.
 */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError') return true;
  const failures = Array.isArray(e.failures) ? e.failures : [];
  return [e.inner, e.cause, ...failures.slice(0, 10)].some((inner) => isQuotaExceeded(inner, depth + 1));
}

/** Classify a Dexie/IndexedDB failure. */
export function classifyDbError(error: unknown): DbProblem {
  if (isQuotaExceeded(error)) return 'full';
  const name = (error as { name?: string })?.name ?? '';
  if (name === 'MissingAPIError' || name === 'InvalidStateError' || name === 'SecurityError') return 'unavailable';
  if (name === 'VersionError' || name === 'DatabaseClosedError' || name === 'BlockedError' || name === 'TimeoutError') return 'blocked';
  return 'failed';
}

/** Meta key: when the database was deleted or replaced under the running extension (shown until dismissed). */
export const STORAGE_RESET_KEY = 'storageResetAt';

/** Where the bundled reference data comes from (the extension's own files, or a test's). */
export interface BundledData {
  version(): Promise<string>;
  dataset(): Promise<ReferenceDataset>;
  progress?: SeedProgress;
}

/**
 * An opener that opens and seeds one connection and hands it to every caller. When that connection
 * closes under us (the database was deleted or upgraded from elsewhere: Dexie closes on
 * 'versionchange'), the cached connection is forgotten, so the next call opens and reseeds again
 * instead of handing out a connection that would silently reopen an empty database.
 */
export interface DatabaseOpener {
  (): Promise<SecondChanceDB>;
  /**
   * "Delete all my data": delete the whole database (its files go, not just its rows: cleared
   * tables leave the deleted text in the storage engine's logs on disk) and create and seed it
   * again. Other open extension pages lose their connection and reopen the new, empty one without
   * warning about lost storage (the wipe is marked in the new database).
   */
  reset(): Promise<SecondChanceDB>;
}

/** Meta key: when the reader deleted all their data (so pages that lose their connection do not warn). */
export const WIPED_KEY = 'wipedAt';

export function createDatabaseOpener(bundled: BundledData | undefined, name = DB_NAME): DatabaseOpener {
  let ready: Promise<SecondChanceDB> | undefined;
  /** When our connection was closed from outside (the database deleted or replaced), to tell the reader. */
  let lostAt: number | undefined;
  let resetting = false;
  const withSeedLock = <T>(fn: () => Promise<T>): Promise<T> => (globalThis.navigator?.locks ? navigator.locks.request(SEED_LOCK, fn) : fn());
  async function reset(): Promise<SecondChanceDB> {
    const started = Date.now();
    resetting = true;
    try {
      const current = ready && (await ready.catch(() => undefined));
      current?.close();
      ready = undefined;
      await withSeedLock(async () => {
        await Dexie.delete(name);
        const fresh = new SecondChanceDB(name);
        await fresh.open();
        await fresh.meta.put({ key: WIPED_KEY, value: started });
        fresh.close();
      });
    } finally {
      resetting = false;
    }
    return open();
  }
  function open() {
    if (ready) return ready;
    const db = new SecondChanceDB(name);
    let opened = false;
    const attempt: Promise<SecondChanceDB> = (async () => {
      try {
        await db.open();
        // One seeder at a time across the background and every extension page: a second caller waits,
        // then finds the data current instead of fetching and parsing it again.
        // However seeding ends, report it finished so no page keeps showing a progress bar.
        if (bundled) {
          const seed = () => ensureSeeded(db, bundled.version, bundled.dataset, bundled.progress).finally(() => bundled.progress?.(1, 1));
          await withSeedLock(seed);
        }
        if (lostAt) {
          const wiped = (await db.meta.get(WIPED_KEY))?.value;
          // Lost because the reader deleted their data: nothing to warn about.
          const byWipe = typeof wiped === 'number' && wiped <= lostAt && lostAt - wiped < 60_000;
          if (!byWipe) await db.meta.put({ key: STORAGE_RESET_KEY, value: lostAt });
          lostAt = undefined;
        }
        opened = true;
        return db;
      } catch (error) {
        db.close();
        throw new DbUnavailableError(classifyDbError(error), error);
      }
    })();
    ready = attempt;
    // Let a later call retry after a failure (the user may close the blocking window), and reopen
    // (and reseed) after the connection is closed by a delete or upgrade elsewhere.
    const forget = () => {
      if (ready === attempt) ready = undefined;
    };
    attempt.catch(forget);
    // Dexie also fires 'close' for our own close() after a failed open: only a connection that was
    // working and got closed from outside means the data went away.
    db.on('close', () => {
      if (opened && !resetting) lostAt ??= Date.now();
      forget();
    });
    return attempt;
  }
  return Object.assign(open, { reset });
}

const SEED_LOCK = 'second-chance-seed';

const openExtensionDatabase = createDatabaseOpener({ version: fetchBundledVersion, dataset: fetchBundledDataset, progress: broadcastProgress });
/** A second connection that does not wait for seeding: the reader's own tables (settings) only. */
const openUserConnection = createDatabaseOpener(undefined);

/**
 * The extension's database, opened and seeded. Only for extension documents and the background:
 * a content script's IndexedDB would belong to the host page.
 */
/** Delete and recreate the extension's database ("Delete all my data"); background only. */
export function resetDatabase(): Promise<SecondChanceDB> {
  return openExtensionDatabase.reset();
}

export function openDatabase(): Promise<SecondChanceDB> {
  if (!globalThis.location?.protocol.endsWith('-extension:')) {
    return Promise.reject(new Error('openDatabase() is only for extension pages and the background'));
  }
  return openExtensionDatabase();
}

/**
 * The database for reading the reader's own tables (settings) without waiting for the reference
 * data to be seeded: on first install the background can answer "may this page be read?" at once.
 * Never use its reference tables: they may be empty or half-written.
 */
export function openUserData(): Promise<SecondChanceDB> {
  if (!globalThis.location?.protocol.endsWith('-extension:')) {
    return Promise.reject(new Error('openUserData() is only for extension pages and the background'));
  }
  return openUserConnection();
}

/** Extension pages opened during seeding show its progress (SeedProgress); BroadcastChannel reaches only our own origin. */
export const SEED_CHANNEL = 'second-chance-seed';
/** The one message on SEED_CHANNEL: how many of the reference rows are written so far. */
export interface SeedProgressMessage {
  done: number;
  total: number;
}
let channel: BroadcastChannel | undefined;
function broadcastProgress(done: number, total: number) {
  if (typeof BroadcastChannel === 'undefined') return;
  channel ??= new BroadcastChannel(SEED_CHANNEL);
  channel.postMessage({ done, total } satisfies SeedProgressMessage);
}

async function fetchBundledVersion(): Promise<string> {
  return (await fetch(browser.runtime.getURL(DATASET_VERSION_PATH))).text();
}

export async function fetchBundledDataset(): Promise<ReferenceDataset> {
  const get = async (path: string) => (await fetch(browser.runtime.getURL(path as never))).json();
  const [core, resources, zipPoints] = await Promise.all([get(DATASET_PARTS.core), get(DATASET_PARTS.resources), get(DATASET_PARTS.zipPoints)]);
  return { ...core, resources, zipPoints };
}
