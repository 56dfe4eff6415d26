import { useEffect, useState } from 'preact/hooks';
import type { SecondChanceDB } from '../data/db/database';
import { watchQuery } from '../data/db/watch';
import { uiDatabase } from './database';
import type { AsyncState } from './use-async';

/**
 * Like useAsync, but the query re-runs whenever the tables it read change, from any extension page
 * (e.g. counselor mode switched in options updates an open sidebar). The query must only use Dexie.
 * Reads come from `uiDatabase` (with its in-memory fallback) unless `open` says otherwise.
 */
export function useLive<T>(query: (db: SecondChanceDB) => Promise<T>, deps: unknown[] = [], open: () => Promise<SecondChanceDB> = uiDatabase): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  useEffect(() => {
    let stop: (() => void) | undefined;
    let active = true;
    open().then(
      (db) => {
        if (!active) return;
        stop = watchQuery(
          db,
          query,
          (data) => setState({ status: 'ready', data }),
          (error) => setState({ status: 'error', error }),
        );
      },
      (error) => active && setState({ status: 'error', error }),
    );
    return () => {
      active = false;
      stop?.();
    };
  }, deps);
  return state;
}
