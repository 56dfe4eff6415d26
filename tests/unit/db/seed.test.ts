import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceDataset } from '../../../src/data/dataset';
import { SecondChanceDB } from '../../../src/data/db/database';
import { ensureSeeded, seedReferenceData } from '../../../src/data/db/seed';
import { getSettings, updateSettings } from '../../../src/data/settings';
import { smallDataset } from '../../support/dataset';
import { zipPoint } from '../../../src/data/resources/nearby';

let dataset: ReferenceDataset;
let db: SecondChanceDB;
let n = 0;

beforeAll(() => {
  dataset = smallDataset();
});
afterEach(async () => {
  await db?.delete();
});
const freshDb = () => (db = new SecondChanceDB(`seed-test-${n++}`));

describe('seeding reference data', () => {
  it('fills the reference tables from the bundled dataset once per version', async () => {
    freshDb();
    expect(await seedReferenceData(db, dataset)).toBe('seeded');
    expect(await db.helplines.count()).toBe(dataset.helplines.length);
    expect(await zipPoint(db, '80202')).toMatchObject({ lat: 39.751526 });
    expect(await zipPoint(db, '80201')).toBeUndefined(); // a PO-box ZIP: no centre point
    expect(await db.meta.get('datasetVersion')).toMatchObject({ value: dataset.version });
    expect(await seedReferenceData(db, dataset)).toBe('current');
  });

  it('reseeds on a new dataset version and never touches snippets or settings', async () => {
    freshDb();
    await seedReferenceData(db, dataset);
    const snippetId = await db.snippets.add({
      quote: 'Naloxone gave him a second chance.', prefix: '', suffix: '', position: { start: 0, end: 34 },
      url: 'https://example.org/', title: 'Example', site: 'example.org', savedAt: Date.now(),
      topics: ['overdose'], claims: [], cardIds: [], note: 'share with Dad', tags: ['naloxone'],
    });
    await updateSettings(db, { zip: '80202', counselorMode: true });

    const next: ReferenceDataset = { ...dataset, version: 'next-version', helplines: dataset.helplines.slice(0, 2) };
    expect(await seedReferenceData(db, next)).toBe('seeded');

    expect(await db.helplines.count()).toBe(2);
    expect(await db.snippets.get(snippetId)).toMatchObject({ note: 'share with Dad', tags: ['naloxone'] });
    expect(await getSettings(db)).toMatchObject({ zip: '80202', counselorMode: true });
  });

  it('writes in chunks and reports progress that only grows and ends complete', async () => {
    freshDb();
    const reports: [number, number][] = [];
    await seedReferenceData(db, dataset, (done, total) => reports.push([done, total]));
    const rows = (await Promise.all(db.referenceTables().map((table) => table.count()))).reduce((a, b) => a + b, 0);
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.every(([, total]) => total === rows)).toBe(true);
    expect(reports.map(([done]) => done)).toEqual([...reports.map(([done]) => done)].sort((a, b) => a - b));
    expect(reports.at(-1)).toEqual([rows, rows]);
  });

  it('refuses a damaged new dataset and keeps serving the previous one; with nothing to keep it says so', async () => {
    freshDb();
    await seedReferenceData(db, dataset);
    const error = console.error;
    console.error = () => undefined;
    try {
      const damaged = async () => JSON.parse('{"version": "next", "helplines": [') as ReferenceDataset;
      expect(await ensureSeeded(db, async () => 'next', damaged)).toBe('kept');
      // Well-formed JSON of the wrong shape fails inside the write transaction: nothing half-written.
      const wrongShape = async () => ({ ...dataset, version: 'next', resources: [{ cell: null }] }) as unknown as ReferenceDataset;
      expect(await ensureSeeded(db, async () => 'next', wrongShape)).toBe('kept');
    } finally {
      console.error = error;
    }
    expect(await db.meta.get('datasetVersion')).toMatchObject({ value: dataset.version });
    expect(await db.helplines.count()).toBe(dataset.helplines.length);
    expect(await zipPoint(db, '80202')).toMatchObject({ lat: 39.751526 });
    freshDb();
    await expect(ensureSeeded(db, async () => 'next', async () => JSON.parse('{'))).rejects.toThrow(SyntaxError);
  });

  it('only loads the bundled dataset when its version differs', async () => {
    freshDb();
    let loads = 0;
    const load = async () => (loads++, dataset);
    expect(await ensureSeeded(db, async () => dataset.version, load)).toBe('seeded');
    expect(await ensureSeeded(db, async () => dataset.version, load)).toBe('current');
    expect(loads).toBe(1);
  });
});

describe('settings', () => {
  it('falls back to defaults when the stored row is damaged, and refuses invalid changes', async () => {
    freshDb();
    await db.settings.put({ key: 'settings', value: { country: 'Atlantis' } });
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      expect((await getSettings(db)).country).toBe('US');
    } finally {
      console.warn = warn;
    }
    await expect(updateSettings(db, { zip: 'abc' })).rejects.toThrow();
  });
});
