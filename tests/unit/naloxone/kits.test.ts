import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SecondChanceDB } from '../../../src/data/db/database';
import { wipeUserData } from '../../../src/data/db/wipe';
import { addKit, listKits, markKitUsed, REMIND_DAYS } from '../../../src/data/naloxone-kits';
import { importSnippets, toExportFile } from '../../../src/data/snippets/export';
import { daysUntil, isCalendarDate, kitStatus, needsAttention } from '../../../src/shared/naloxone/kits';

let db: SecondChanceDB;
let n = 0;
const fresh = () => (db = new SecondChanceDB(`kits-${n++}`));
afterEach(async () => db?.delete());

const today = new Date(2026, 11, 3); // 3 Dec 2026, local time
const kit = (expires: string, usedAt: number | null = null) => ({ kind: 'nasal' as const, place: 'Kitchen drawer', expires, usedAt });

describe('kit status (pure)', () => {
  it('counts calendar days, across a month end', () => {
    expect(daysUntil('2026-12-23', today)).toBe(20);
    expect(daysUntil('2027-01-02', today)).toBe(30);
    expect(daysUntil('2026-12-02', today)).toBe(-1);
  });

  it('reminds 30 days ahead: 20 days is "soon", 31 days is fine, past is expired, used wins', () => {
    expect(REMIND_DAYS).toBe(30);
    expect(kitStatus(kit('2026-12-23'), today, REMIND_DAYS)).toEqual({ state: 'soon', days: 20 });
    expect(kitStatus(kit('2026-12-03'), today, REMIND_DAYS)).toEqual({ state: 'soon', days: 0 });
    expect(kitStatus(kit('2027-01-03'), today, REMIND_DAYS)).toEqual({ state: 'ok', days: 31 });
    expect(kitStatus(kit('2026-11-30'), today, REMIND_DAYS)).toEqual({ state: 'expired', days: -3 });
    expect(kitStatus(kit('2028-01-01', 1), today, REMIND_DAYS)).toEqual({ state: 'used' });
    expect(needsAttention([kit('2028-01-01')], today, REMIND_DAYS)).toBe(false);
    expect(needsAttention([kit('2028-01-01'), kit('2026-12-23')], today, REMIND_DAYS)).toBe(true);
  });

  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2026-12-23')).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '26-12-01', '2026-12-1', '', 'tomorrow']) expect(isCalendarDate(bad), bad).toBe(false);
  });
});

describe('kit repository', () => {
  it('adds, lists and marks a kit used', async () => {
    fresh();
    const id = await addKit(db, { kind: 'injection', place: '  Car bag ', expires: '2027-05-01' }, 1_700_000_000_000);
    expect(await listKits(db)).toEqual([{ id, kind: 'injection', place: 'Car bag', expires: '2027-05-01', addedAt: 1_700_000_000_000, usedAt: null }]);
    await markKitUsed(db, id, 1_700_000_100_000);
    expect((await listKits(db))[0].usedAt).toBe(1_700_000_100_000);
  });

  it('refuses bad input and writes nothing', async () => {
    fresh();
    await expect(addKit(db, { kind: 'nasal', place: '', expires: '2027-05-01' })).rejects.toThrow();
    await expect(addKit(db, { kind: 'nasal', place: 'Drawer', expires: '2027-02-30' })).rejects.toThrow();
    await expect(addKit(db, { kind: 'pill' as never, place: 'Drawer', expires: '2027-02-01' })).rejects.toThrow();
    expect(await db.naloxoneKits.count()).toBe(0);
  });

  it('skips a damaged stored row instead of hiding every kit', async () => {
    fresh();
    await addKit(db, { kind: 'nasal', place: 'Drawer', expires: '2027-05-01' });
    await db.naloxoneKits.add({ kind: 'nasal', place: '', expires: 'soon' } as never);
    expect((await listKits(db)).map((k) => k.place)).toEqual(['Drawer']);
  });

  it('"Delete all my data" deletes the kits', async () => {
    fresh();
    await addKit(db, { kind: 'nasal', place: 'Drawer', expires: '2027-05-01' });
    await wipeUserData(db);
    expect(await db.naloxoneKits.count()).toBe(0);
  });

  it('the JSON export carries the kits, and importing it restores them once', async () => {
    fresh();
    await addKit(db, { kind: 'nasal', place: 'Drawer', expires: '2027-05-01' }, 1_700_000_000_000);
    const file = JSON.stringify(toExportFile([], new Date(), await listKits(db)));
    expect(JSON.parse(file).naloxoneKits).toHaveLength(1);
    await wipeUserData(db);
    expect(await importSnippets(db, file)).toMatchObject({ ok: true });
    expect(await importSnippets(db, file)).toMatchObject({ ok: true });
    expect((await listKits(db)).map((k) => [k.place, k.expires, k.addedAt])).toEqual([['Drawer', '2027-05-01', 1_700_000_000_000]]);
    // An older export without kits still imports.
    expect(await importSnippets(db, JSON.stringify(toExportFile([], new Date())))).toMatchObject({ ok: true });
  });
});
