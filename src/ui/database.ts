import { useEffect, useState } from 'preact/hooks';
import type { SecondChanceDB } from '../data/db/database';
import { openMemoryDatabase } from '../data/db/memory';
import { classifyDbError, DbUnavailableError, openDatabase, type DbProblem } from '../data/db/open';

let problem: DbProblem | undefined;
const listeners = new Set<(p: DbProblem | undefined) => void>();

/**
 * The database an extension page reads reference data and settings from: IndexedDB, or, when the
 * browser refuses it, an in-memory copy of the bundled data so help stays available (StorageNotice
 * says why and that changes will not be kept). Snippets never use this: they need real storage.
 */
export async function uiDatabase(): Promise<SecondChanceDB> {
  // Once a page has fallen back it stays there, so its reads and writes never go to two databases.
  if (problem) return openMemoryDatabase();
  try {
    return await openDatabase();
  } catch (error) {
    problem = error instanceof DbUnavailableError ? error.problem : classifyDbError(error);
    listeners.forEach((listener) => listener(problem));
    return openMemoryDatabase();
  }
}

/** Why this page is running on the in-memory copy, if it is. */
export function useStorageProblem(): DbProblem | undefined {
  const [current, setCurrent] = useState(problem);
  useEffect(() => {
    listeners.add(setCurrent);
    return () => void listeners.delete(setCurrent);
  }, []);
  return current;
}
