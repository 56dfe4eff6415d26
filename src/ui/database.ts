import { useEffect, useState } from 'preact/hooks';
import type { SecondChanceDB } from '../data/db/database';
import { openMemoryDatabase } from '../data/db/memory';
import { classifyDbError, DbUnavailableError, openDatabase, type DbProblem } from '../data/db/open';
import { watchQuery } from '../data/db/watch';
import { runRead, type ReadArgs, type ReadName, type ReadResult } from '../data/reads';
import { updateSettings, type Settings } from '../data/settings';
import { browser } from 'wxt/browser';
import { send } from '../messaging/client';
import type { Payload } from '../messaging/protocol';
import type { AsyncState } from './use-async';

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

/**
 * Whether this page reads and writes through the background: the docked sidebar does, always (an
 * extension frame inside a web page, like the content script). Browsers may refuse such a frame
 * IndexedDB as third-party storage (Chromium with third-party cookies blocked, where opening it
 * can also hang for seconds); the background's database is unaffected.
 */
export function relayed(): Promise<boolean> {
  return Promise.resolve(new URLSearchParams(globalThis.location?.search).has('docked'));
}

/** One named read (src/data/reads.ts), on this page's database or through the background. */
export async function readOnce<K extends ReadName>(name: K, args: ReadArgs<K>, open: () => Promise<SecondChanceDB> = uiDatabase): Promise<ReadResult<K>> {
  if (!(await relayed())) return runRead(await open(), name, args);
  const reply = await send('readData', { request: { query: name, ...(args as object) } as Payload<'readData'>['request'] });
  if (!reply.ok) throw new Error(reply.error);
  return reply.data.data as ReadResult<K>;
}

/** Save a settings change, on this page's database or through the background. */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  if (!(await relayed())) return updateSettings(await uiDatabase(), patch);
  const reply = await send('writeSettings', { patch });
  if (!reply.ok) throw new Error(reply.error);
  return reply.data.settings as Settings;
}

/**
 * A named read that stays current: re-run when the tables it read change (Dexie, across extension
 * pages) or, through the background, when it says settings or snippets changed.
 */
export function useRead<K extends ReadName>(name: K, args: ReadArgs<K>, deps: unknown[] = [], open: () => Promise<SecondChanceDB> = uiDatabase): AsyncState<ReadResult<K>> {
  const [state, setState] = useState<AsyncState<ReadResult<K>>>({ status: 'loading' });
  useEffect(() => {
    let active = true;
    let stop: (() => void) | undefined;
    const next = (data: ReadResult<K>) => active && setState({ status: 'ready', data });
    const fail = (error: unknown) => active && setState({ status: 'error', error });
    relayed().then(async (viaBackground) => {
      if (!active) return;
      if (!viaBackground) {
        const db = await open();
        if (active) stop = watchQuery(db, (d) => runRead(d, name, args), next, fail);
        return;
      }
      const load = () => readOnce(name, args).then(next, fail);
      const onChange = (message: unknown) => {
        const type = (message as { type?: string } | undefined)?.type;
        if (type === 'settingsChanged' || type === 'snippetsChanged') void load();
      };
      browser.runtime.onMessage.addListener(onChange);
      stop = () => browser.runtime.onMessage.removeListener(onChange);
      void load();
    }).catch(fail);
    return () => {
      active = false;
      stop?.();
    };
  }, deps);
  return state;
}
