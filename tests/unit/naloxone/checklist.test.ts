import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SecondChanceDB } from '../../../src/data/db/database';
import { wipeUserData } from '../../../src/data/db/wipe';
import { getTicks, resetTicks, setTick } from '../../../src/data/checklist';
import checklist from '../../../content-data/after-overdose.json';

let db: SecondChanceDB;
let n = 0;
const fresh = () => (db = new SecondChanceDB(`checklist-${n++}`));
afterEach(async () => db?.delete());

describe('after-overdose checklist ticks', () => {
  it('ticks, unticks, resets on request and is deleted with the reader\'s data', async () => {
    fresh();
    await setTick(db, 'after-overdose', 'ask-buprenorphine', true);
    await setTick(db, 'after-overdose', 'replace-kit', true);
    await setTick(db, 'after-overdose', 'replace-kit', false);
    expect(await getTicks(db, 'after-overdose')).toEqual(['ask-buprenorphine']);
    await resetTicks(db, 'after-overdose');
    expect(await getTicks(db, 'after-overdose')).toEqual([]);
    await setTick(db, 'after-overdose', 'ask-buprenorphine', true);
    await wipeUserData(db);
    expect(await getTicks(db, 'after-overdose')).toEqual([]);
  });

  it('a damaged stored row reads as no ticks; a bad id is refused', async () => {
    fresh();
    await db.settings.put({ key: 'checklist:after-overdose', value: 'nonsense' });
    expect(await getTicks(db, 'after-overdose')).toEqual([]);
    await expect(setTick(db, 'after-overdose', '<script>', true)).rejects.toThrow();
  });

  it('covers what issue 17 asks: buprenorphine in the ER, take-home naloxone, replace the kit, the year\'s risk, family support', () => {
    const ids = checklist.groups.flatMap((g) => g.items.map((i) => i.id));
    expect(ids).toEqual(expect.arrayContaining(['ask-buprenorphine', 'take-home-naloxone', 'replace-kit', 'year-risk', 'family-support']));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
