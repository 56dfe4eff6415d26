import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SecondChanceDB } from '../../../src/data/db/database';
import { importSnippets, MAX_IMPORT_BYTES, toExportFile, type ImportFailure } from '../../../src/data/snippets/export';
import { addSnippet, allSnippets } from '../../../src/data/snippets/repository';
import type { Snippet } from '../../../src/data/snippets/schema';
import { updateSettings } from '../../../src/data/settings';
import { deepArray, fuzzSeed, prng, randomString, randomValue, type Random } from '../../support/fuzz';

const SEED = fuzzSeed(20261124);
let db: SecondChanceDB;
let baseline: string;

/** Everything the reader owns, serialised: compared byte for byte before and after each attack. */
async function userData(): Promise<string> {
  return JSON.stringify({ snippets: await db.snippets.toArray(), settings: await db.settings.toArray(), liveCache: await db.liveCache.toArray() });
}

const valid = (i: number): Snippet => ({
  quote: `Quote number ${i}: naloxone saves lives.`, prefix: 'before ', suffix: ' after', position: { start: i, end: i + 10 },
  url: `https://example.org/page-${i % 7}`, title: `Page ${i % 7}`, site: 'example.org', savedAt: 1_700_000_000_000 + i,
  topics: ['overdose'], claims: ['naloxone_enables_use'], cardIds: ['overdose-response'], note: `note ${i}`, tags: ['family'],
});
const file = (snippets: unknown[]) => ({ ...toExportFile([]), snippets });

beforeAll(async () => {
  console.info(`import fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
  db = new SecondChanceDB('import-fuzz');
  for (let i = 0; i < 3; i++) {
    await addSnippet(db, { quote: { exact: `Saved before the attack ${i}.`, prefix: '', suffix: '' }, position: { start: 0, end: 5 }, url: 'https://example.org/kept', title: 'Kept' }, { topics: [], claims: [], cardIds: [] }, 1000 + i);
  }
  await updateSettings(db, { zip: '80202', counselorMode: true });
  await db.liveCache.put({ zip: '80202', fetchedAt: 1, rows: [] });
  baseline = await userData();
});
afterAll(async () => db.delete());
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

/** The contract for every invalid file: a readable refusal, nothing thrown, nothing written. */
async function expectRefused(text: string, label: string, expected?: { reason: ImportFailure; detail?: RegExp }) {
  let result;
  try {
    result = await importSnippets(db, text);
  } catch (error) {
    throw new Error(`seed ${SEED}, ${label}: importSnippets threw ${String(error)}`);
  }
  expect(result, `seed ${SEED}, ${label}`).toMatchObject({ ok: false, reason: expect.stringMatching(/^(too-large|not-json|wrong-version|not-snippets)$/) });
  if (!result.ok) {
    expect(result.detail?.length ?? 0, `seed ${SEED}, ${label}: detail too long for the UI`).toBeLessThan(400);
    if (expected) expect(result.reason, `seed ${SEED}, ${label}`).toBe(expected.reason);
    if (expected?.detail) expect(result.detail, `seed ${SEED}, ${label}`).toMatch(expected.detail);
  }
  expect(await userData(), `seed ${SEED}, ${label}: the library changed`).toBe(baseline);
}

/** Put a wrong value somewhere inside an otherwise valid snippet. */
function breakSnippet(random: Random, s: Snippet): Record<string, unknown> {
  const copy: Record<string, unknown> = structuredClone(s);
  const key = random.pick(Object.keys(copy).filter((k) => k !== 'id'));
  const wrong = random.pick([
    () => randomValue(random),
    () => 'x'.repeat(random.pick([5001, 100_000])),
    () => deepArray(1000),
    () => ({ ...(copy[key] as object), extra: randomValue(random) }),
    () => [copy[key], copy[key]],
    () => undefined,
  ])();
  if (wrong === undefined) delete copy[key];
  else copy[key] = wrong;
  return copy;
}

describe(`snippet import under attack (seed ${SEED})`, () => {
  it('refuses random bytes, random JSON and truncated files', async () => {
    const random = prng(SEED);
    const exportText = JSON.stringify(file([valid(1), valid(2), valid(3)]));
    for (let i = 0; i < 150; i++) {
      const kind = random.int(3);
      if (kind === 0) await expectRefused(Array.from({ length: random.int(3000) }, () => String.fromCharCode(random.int(0x10000))).join(''), `case ${i}: random bytes`);
      else if (kind === 1) await expectRefused(JSON.stringify(randomValue(random)) ?? 'undefined', `case ${i}: random JSON`);
      else await expectRefused(exportText.slice(0, random.int(exportText.length - 1)), `case ${i}: truncated`);
    }
  });

  it('refuses a valid file with one wrong row anywhere, naming the row', async () => {
    const random = prng(SEED + 1);
    for (let i = 0; i < 150; i++) {
      const rows: unknown[] = Array.from({ length: 1 + random.int(40) }, (_, j) => valid(j));
      const bad = random.int(rows.length);
      const broken = breakSnippet(random, rows[bad] as Snippet);
      // A mutation can leave the row valid (e.g. a random string where any string goes): skip those.
      rows[bad] = broken;
      const text = JSON.stringify(file(rows));
      const { Snippet } = await import('../../../src/data/snippets/schema');
      if (Snippet.safeParse(JSON.parse(text).snippets[bad]).success) continue;
      await expectRefused(text, `case ${i}: row ${bad} broken`, { reason: 'not-snippets', detail: new RegExp(`at snippets\\.${bad}(\\.|:)`) });
    }
  });

  it('refuses deep nesting, huge strings and wrong envelopes without overflowing the stack', async () => {
    const nested = '['.repeat(100_000) + ']'.repeat(100_000);
    await expectRefused(nested, 'top-level nesting');
    await expectRefused(`{"format":"second-chance-snippets","version":${nested}}`, 'nested version', { reason: 'wrong-version', detail: /^object$/ });
    await expectRefused(`{"format":"second-chance-snippets","version":"${'9'.repeat(1_000_000)}"}`, 'huge version string', { reason: 'wrong-version', detail: /^9{20}$/ });
    // Built as text: JSON.stringify itself overflows on such depth.
    const envelope = JSON.stringify(file([])).slice(0, -'[]}'.length);
    await expectRefused(`${envelope}${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`, 'nested snippets');
    const row = JSON.stringify(valid(1)).replace(/"quote":"[^"]*"/, `"quote":${nested}`);
    await expectRefused(`${envelope}[${row}]}`, 'nested quote', { reason: 'not-snippets', detail: /at snippets\.0\.quote/ });
    await expectRefused(JSON.stringify(file([{ ...valid(1), quote: 'q'.repeat(5_000_001) }])), 'a 5 MB quote', { reason: 'not-snippets', detail: /at snippets\.0\.quote/ });
    await expectRefused(' '.repeat(MAX_IMPORT_BYTES + 1), 'over the size limit', { reason: 'too-large' });
    for (const envelope of [null, 0, 'second-chance-snippets', [], {}, { format: 'second-chance-snippets' }, { ...file([]), version: '1' }, { ...file([]), snippets: {} }, { ...file([]), snippets: null }]) {
      await expectRefused(JSON.stringify(envelope), `envelope ${JSON.stringify(envelope)}`);
    }
  });

  it('refuses 100,000 rows with one bad row at the end, and writes none of the others', async () => {
    // Built as text (one valid row repeated): the importer's own parse and validation are the cost.
    const envelope = JSON.stringify(file([])).slice(0, -'[]}'.length);
    const rows = `${JSON.stringify(valid(1))},`.repeat(99_999) + JSON.stringify({ ...valid(2), topics: ['gardening'] });
    await expectRefused(`${envelope}[${rows}]}`, '100k rows', { reason: 'not-snippets', detail: /at snippets\.99999\.topics/ });
  });

  it('stores only schema fields: prototype-pollution keys are dropped and nothing is polluted', async () => {
    const other = new SecondChanceDB('import-fuzz-pollution');
    try {
      const row = JSON.stringify(valid(1)).slice(0, -1) + ',"__proto__":{"polluted":true,"note":"from proto"},"constructor":{"prototype":{"polluted":true}},"isAdmin":true}';
      const text = `{"__proto__":{"polluted":true},"format":"second-chance-snippets","version":1,"exportedAt":"x","snippets":[${row}]}`;
      expect(await importSnippets(other, text)).toEqual({ ok: true, added: 1, skipped: 0 });
      const [stored] = await allSnippets(other);
      const { id: _id, ...rest } = stored;
      expect(rest).toEqual(valid(1));
      expect(Object.keys(stored).sort()).toEqual([...Object.keys(valid(1)), 'id'].sort());
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    } finally {
      await other.delete();
    }
  });

  it('imports duplicate ids as separate snippets with new ids, and a snippet listed twice once', async () => {
    const other = new SecondChanceDB('import-fuzz-duplicates');
    try {
      await other.snippets.add(valid(50)); // takes id 1
      const rows = [{ ...valid(1), id: 1 }, { ...valid(2), id: 1 }, { ...valid(2), id: 7 }];
      expect(await importSnippets(other, JSON.stringify(file(rows)))).toEqual({ ok: true, added: 2, skipped: 1 });
      const stored = await allSnippets(other);
      expect(stored.map((s) => s.quote).sort()).toEqual([valid(1).quote, valid(2).quote, valid(50).quote].sort());
      expect(new Set(stored.map((s) => s.id)).size).toBe(3);
      expect((await other.snippets.get(1))?.quote).toBe(valid(50).quote); // never overwritten
    } finally {
      await other.delete();
    }
  });

  it('keeps string fields with control and surrogate characters intact when they are valid', async () => {
    const random = prng(SEED + 2);
    const other = new SecondChanceDB('import-fuzz-strings');
    try {
      const rows = Array.from({ length: 50 }, (_, j) => ({ ...valid(j), quote: randomString(random, 200).slice(0, 5000) || 'x', note: randomString(random, 200) }));
      const result = await importSnippets(other, JSON.stringify(file(rows)));
      expect(result, `seed ${SEED}`).toMatchObject({ ok: true });
      const stored = await other.snippets.orderBy('savedAt').toArray();
      expect(stored.map((s) => [s.quote, s.note]), `seed ${SEED}`).toEqual(rows.filter((r, j) => rows.findIndex((x) => x.url === r.url && x.quote === r.quote && x.savedAt === r.savedAt) === j).map((r) => [r.quote, r.note]));
    } finally {
      await other.delete();
    }
  });
});
