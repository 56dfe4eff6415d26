import 'fake-indexeddb/auto';
import Dexie, { type DBCore, type Middleware } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSnippetService } from '../../../src/background/snippets';
import { TabAnalyses } from '../../../src/background/tab-analyses';
import { SecondChanceDB } from '../../../src/data/db/database';
import { createDatabaseOpener, DbUnavailableError } from '../../../src/data/db/open';
import { seedReferenceData } from '../../../src/data/db/seed';
import { importSnippets, toExportFile } from '../../../src/data/snippets/export';
import { addSnippet, allSnippets } from '../../../src/data/snippets/repository';
import { smallDataset } from '../../support/dataset';

/**
 * A full disk, as IndexedDB reports it: every write request fails with a real DOMException named
 * QuotaExceededError. Installed as Dexie middleware, the layer right above IndexedDB; reads pass.
 */
let full = false;
const quota: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'quota-exceeded',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      return { ...table, mutate: (req) => (full ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(req)) };
    },
  }),
};

let n = 0;
const dbs: SecondChanceDB[] = [];
function quotaDb() {
  const db = new SecondChanceDB(`quota-${n++}`);
  db.use(quota);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  full = false;
  vi.restoreAllMocks();
  while (dbs.length) await dbs.pop()!.delete();
});

const capture = (exact: string) => ({ quote: { exact, prefix: 'before ', suffix: ' after' }, position: { start: 10, end: 10 + exact.length }, url: 'https://example.org/story', title: 'A story' });
const context = { topics: ['overdose' as const], claims: [], cardIds: [] };

describe('quota exceeded while saving', () => {
  it('says the storage is full (sidebar reply and page toast), keeps earlier snippets, and the same selection saves once there is room', async () => {
    const db = quotaDb();
    await seedReferenceData(db, smallDataset());
    await addSnippet(db, capture('Earlier quote one.'), context, 1);
    await addSnippet(db, capture('Earlier quote two.'), context, 2);
    const before = JSON.stringify(await allSnippets(db));

    // The page tool still holds the reader's selection: each capture returns it again.
    const selection = capture('A quote the reader wants to keep.');
    const tellTool = vi.fn(async (_tab: number, command: { type: string }) => (command.type === 'captureSelection' ? selection : { placed: [], orphaned: [] }));
    const confirmSave = vi.fn();
    const service = createSnippetService({
      db: async () => db, tabs: new TabAnalyses(), tellTool, snippetsChanged: vi.fn(),
      tabUrl: async () => 'https://example.org/story', confirmSave, isPrivate: async () => false,
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    full = true;
    expect(await service.saveSelection(3)).toEqual({ saved: false, reason: 'storage-full' });
    // Said in the extension's own UI (the toolbar badge), never in the page.
    expect(confirmSave).toHaveBeenCalledWith(3, 'failed');
    expect(tellTool.mock.calls.map(([, c]) => c.type)).toEqual(['captureSelection']);
    full = false;
    expect(JSON.stringify(await allSnippets(db))).toBe(before);

    expect(await service.saveSelection(3)).toMatchObject({ saved: true });
    expect((await allSnippets(db)).map((s) => s.quote)).toEqual(['A quote the reader wants to keep.', 'Earlier quote two.', 'Earlier quote one.']);
  });

  it('an import that hits the quota returns a clear error and writes nothing', async () => {
    const db = quotaDb();
    await addSnippet(db, capture('Already here.'), context, 1);
    const before = JSON.stringify(await allSnippets(db));
    const other = toExportFile([{ ...(await allSnippets(db))[0], id: undefined, quote: 'From the file.', savedAt: 5 }]);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    full = true;
    expect(await importSnippets(db, JSON.stringify(other))).toEqual({ ok: false, reason: 'storage-full' });
    full = false;
    expect(JSON.stringify(await allSnippets(db))).toBe(before);
  });

  it('a first start on a full disk reports "full" (its own advice), and seeds on the next start', async () => {
    const dataset = smallDataset();
    // Every new Dexie instance gets the quota layer: the opener builds its own connection.
    const addon = (db: Dexie) => void db.use(quota);
    Dexie.addons.push(addon);
    const name = `quota-${n++}`;
    try {
      const open = createDatabaseOpener({ version: async () => dataset.version, dataset: async () => dataset }, name);
      full = true;
      const error = await open().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DbUnavailableError);
      expect((error as DbUnavailableError).problem).toBe('full');
      full = false;
      const db = await open();
      expect(await db.helplines.count()).toBe(dataset.helplines.length);
      dbs.push(db);
    } finally {
      Dexie.addons.splice(Dexie.addons.indexOf(addon), 1);
    }
  });
});
