import { browser } from 'wxt/browser';
import { DATASET_PARTS, DATASET_VERSION_PATH, type ReferenceDataset } from '../content-data/dataset';
import { SecondChanceDB } from './database';
import { ensureSeeded } from './seed';

/** Why the database could not be used; each kind has its own advice in the UI. */
export type DbProblem = 'unavailable' | 'blocked' | 'failed';

export class DbUnavailableError extends Error {
  override name = 'DbUnavailableError';
  constructor(
    readonly problem: DbProblem,
    cause?: unknown,
  ) {
    super(`database ${problem}: ${cause instanceof Error ? cause.message : String(cause ?? '')}`);
  }
}

/** Classify a Dexie/IndexedDB failure. */
export function classifyDbError(error: unknown): DbProblem {
  const name = (error as { name?: string })?.name ?? '';
  if (name === 'MissingAPIError' || name === 'InvalidStateError' || name === 'SecurityError') return 'unavailable';
  if (name === 'VersionError' || name === 'DatabaseClosedError' || name === 'BlockedError' || name === 'TimeoutError') return 'blocked';
  return 'failed';
}

let ready: Promise<SecondChanceDB> | undefined;

/**
 * The extension's database, opened and seeded. Only for extension documents and the background:
 * a content script's IndexedDB would belong to the host page.
 */
export function openDatabase(): Promise<SecondChanceDB> {
  if (!globalThis.location?.protocol.endsWith('-extension:')) {
    return Promise.reject(new Error('openDatabase() is only for extension pages and the background'));
  }
  ready ??= (async () => {
    const db = new SecondChanceDB();
    try {
      await db.open();
      // One seeder at a time across the background and every extension page: a second caller waits,
      // then finds the data current instead of fetching and parsing it again.
      const seed = () => ensureSeeded(db, fetchBundledVersion, fetchBundledDataset, broadcastProgress);
      await (navigator.locks ? navigator.locks.request('second-chance-seed', seed) : seed());
      return db;
    } catch (error) {
      db.close();
      throw new DbUnavailableError(classifyDbError(error), error);
    }
  })();
  // Let a later call retry after a failure (the user may close the blocking window).
  ready.catch(() => (ready = undefined));
  return ready;
}

/** Extension pages opened during seeding show its progress (SeedProgress); BroadcastChannel reaches only our own origin. */
export const SEED_CHANNEL = 'second-chance-seed';
let channel: BroadcastChannel | undefined;
function broadcastProgress(done: number, total: number) {
  if (typeof BroadcastChannel === 'undefined') return;
  channel ??= new BroadcastChannel(SEED_CHANNEL);
  channel.postMessage({ done, total });
}

async function fetchBundledVersion(): Promise<string> {
  return (await fetch(browser.runtime.getURL(DATASET_VERSION_PATH))).text();
}

export async function fetchBundledDataset(): Promise<ReferenceDataset> {
  const get = async (path: string) => (await fetch(browser.runtime.getURL(path as never))).json();
  const [core, resources, zipPoints] = await Promise.all([get(DATASET_PARTS.core), get(DATASET_PARTS.resources), get(DATASET_PARTS.zipPoints)]);
  return { ...core, resources, zipPoints };
}
