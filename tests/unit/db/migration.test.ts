import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SecondChanceDB, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../../src/data/db/database';
import { seedReferenceData } from '../../../src/data/db/seed';
import { getSettings } from '../../../src/data/settings';
import { listKits } from '../../../src/data/naloxone-kits';
import { smallDataset } from '../../support/dataset';

interface StoredExample {
  version: number;
  schema: Record<string, string>;
  tables: Record<string, unknown[]>;
}

const dir = 'tests/fixtures/db';
const examples = readdirSync(dir)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as StoredExample);

describe('stored example databases open with the current code', () => {
  it('has an example for every schema version', () => {
    expect(examples.map((e) => e.version).sort()).toEqual([1, 2, 3]);
    expect(examples.find((e) => e.version === 1)?.schema).toEqual(SCHEMA_V1);
    expect(examples.find((e) => e.version === 2)?.schema).toEqual(SCHEMA_V2);
    expect(examples.find((e) => e.version === 3)?.schema).toEqual(SCHEMA_V3);
  });

  it.each(examples.map((e) => [e.version, e] as const))('version %i keeps user data and reseeds reference data', async (version, example) => {
    const name = `migration-v${version}`;
    const old = new Dexie(name);
    old.version(example.version).stores(example.schema);
    await old.open();
    for (const [table, rows] of Object.entries(example.tables)) await old.table(table).bulkAdd(rows);
    old.close();

    const db = new SecondChanceDB(name);
    await db.open();
    expect(await db.snippets.toArray()).toEqual(example.tables.snippets);
    expect(await getSettings(db)).toMatchObject((example.tables.settings[0] as { value: object }).value);

    await seedReferenceData(db, smallDataset());
    expect(await db.helplines.get('US-old')).toBeUndefined();
    expect(await db.zipPoints.get('999')).toBeUndefined();
    expect(await db.snippets.count()).toBe(example.tables.snippets.length);
    // User data from any version, including the live cache, survives opening and reseeding.
    expect(await db.liveCache.toArray()).toEqual(example.tables.liveCache ?? []);
    expect(await listKits(db)).toEqual(example.tables.naloxoneKits ?? []);
    await db.delete();
  });
});
