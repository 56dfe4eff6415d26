import { liveQuery } from 'dexie';
import type { SecondChanceDB } from './database';

/**
 * Runs `query` now and again whenever a table it read changes, from any extension page (Dexie's
 * liveQuery); returns the stop function. Extension pages subscribe through this, never Dexie itself.
 */
export function watchQuery<T>(
  db: SecondChanceDB,
  query: (db: SecondChanceDB) => Promise<T>,
  next: (data: T) => void,
  error: (error: unknown) => void,
): () => void {
  const subscription = liveQuery(() => query(db)).subscribe({ next, error });
  return () => subscription.unsubscribe();
}
