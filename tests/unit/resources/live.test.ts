import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SecondChanceDB } from '../../../src/data/db/database';
import { wipeUserData } from '../../../src/data/db/wipe';
import { dialable, fetchLive, liveNear, LIVE_TTL_MS, parseLive, withoutPermission } from '../../../src/data/resources/live';

/** A local stand-in for the locator: replays answers of its record shape, good and bad. */
let server: Server;
let base: string;
let mode = 'ok';
let lastQuery = '';
const record = (i: number) => ({
  frid: `FR${i}`, name1: `Clinic ${i}`, name2: 'Outpatient', street1: `${i} Champa St`, city: 'Denver', state: 'CO', zip: '80202',
  phone: '303-555-0100', website: 'https://example.org', latitude: '39.75', longitude: '-105.0', miles: 0.4 * i,
  services: [{ f1: 'Type of Care', f2: 'TC', f3: 'Outpatient; Medication for opioid addiction' }],
});

beforeAll(async () => {
  server = createServer((req, res) => {
    lastQuery = req.url ?? '';
    if (mode === 'hang') return; // never answers
    if (mode === 'http') return void res.writeHead(503).end('busy');
    res.writeHead(200, { 'content-type': 'application/json' });
    if (mode === 'ok') res.end(JSON.stringify({ page: 1, totalPages: 1, recordCount: 3, rows: [record(1), record(2), { name1: '' }] }));
    if (mode === 'array') res.end(JSON.stringify([record(3)]));
    if (mode === 'not-json') res.end('<html>maintenance</html>');
    if (mode === 'wrong-shape') res.end(JSON.stringify({ error: 'changed API', data: [{ nothing: true }] }));
    if (mode === 'all-bad') res.end(JSON.stringify({ rows: [{ name1: 'x', latitude: 'north' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

let db: SecondChanceDB;
let n = 0;
afterEach(async () => db?.delete());
const denver = { zip: '80202', lat: 39.751526, lon: -104.997673 };

describe('live refresh client', () => {
  it('asks for the ZIP’s point and radius in metres, keeps valid records and counts the rest', async () => {
    mode = 'ok';
    const result = await fetchLive(denver, 5, base);
    expect(lastQuery).toContain('/locator/exportsAsJson/v2?sAddr=39.751526%2C-104.997673&sType=SA&limitType=2&limitValue=8047');
    expect(result).toMatchObject({ ok: true, skipped: 1, fromCache: false });
    if (result.ok) expect(result.rows[0]).toMatchObject({ name: 'Clinic 1, Outpatient', address: '1 Champa St, Denver, CO 80202', phone: '303-555-0100', lat: 39.75 });
    mode = 'array';
    expect(await fetchLive(denver, 5, base)).toMatchObject({ ok: true, rows: [{ name: 'Clinic 3, Outpatient' }] });
  });

  it('keeps only http(s) websites, never turns a missing distance into 0, and dials phones without their extension', () => {
    const one = (patch: object) => parseLive({ rows: [{ ...record(1), ...patch }] })!.rows[0];
    expect(one({ website: 'javascript:alert(1)' }).website).toBeNull();
    expect(one({ website: 'data:text/html,<b>x</b>' }).website).toBeNull();
    expect(one({ website: 'www.example.org/intake' }).website).toBe('https://www.example.org/intake');
    expect(one({ website: 'http://example.org' }).website).toBe('http://example.org/');
    expect(one({ miles: null }).miles).toBeNull();
    expect(one({ miles: '' }).miles).toBeNull();
    expect(one({ miles: '2.5' }).miles).toBe(2.5);
    expect(dialable('303-555-0100 x12')).toBe('3035550100');
    expect(dialable('(303) 555-0100 ext. 4')).toBe('3035550100');
    expect(dialable('1-800-662-4357')).toBe('18006624357');
    expect(dialable('call the front desk')).toBeNull();
    expect(dialable('555-0100')).toBeNull();
  });

  it.each([
    ['http', 'http', 'HTTP 503'],
    ['not-json', 'malformed', 'not JSON'],
    ['wrong-shape', 'malformed', 'expected records'],
    ['all-bad', 'malformed', 'expected records'],
  ])('reports %s plainly', async (m, reason, detail) => {
    mode = m;
    expect(await fetchLive(denver, 5, base)).toMatchObject({ ok: false, reason, detail: expect.stringContaining(detail) });
  });

  it('F13: never coerces an empty string, an array or a boolean into a coordinate or distance', () => {
    const parse = (patch: object) => parseLive({ rows: [{ ...record(1), ...patch }] }) ?? { rows: [] };
    for (const bad of ['', [], true, false, {}, '1e5', 'NaN']) {
      expect(parse({ latitude: bad }).rows, JSON.stringify(bad)).toEqual([]);
      expect(parse({ longitude: bad }).rows, JSON.stringify(bad)).toEqual([]);
    }
    expect(parse({ latitude: '39.75', longitude: '-104.99' }).rows[0]).toMatchObject({ lat: 39.75, lon: -104.99 });
    expect(parse({ miles: true }).rows).toEqual([]);
    expect(parse({ miles: 1e308 }).rows).toEqual([]);
    expect(parse({ miles: '' }).rows[0].miles).toBeNull();
  });

  it('gives up after its timeout, and reports an unreachable server as offline', async () => {
    mode = 'hang';
    expect(await fetchLive(denver, 5, base, 200)).toMatchObject({ ok: false, reason: 'timeout' });
    expect(await fetchLive(denver, 5, 'http://127.0.0.1:9', 500)).toMatchObject({ ok: false, reason: 'offline' });
  });

  it('caches for a day, keeps the cache when a refresh fails, and "Delete all my data" clears it', async () => {
    db = new SecondChanceDB(`live-${n++}`);
    mode = 'ok';
    const fetcher = (o: typeof denver, r: number) => fetchLive(o, r, base);
    const first = await liveNear(db, denver, { radiusMiles: 5, fetcher, now: 1_000 });
    expect(first).toMatchObject({ ok: true, fromCache: false });
    mode = 'http';
    expect(await liveNear(db, denver, { radiusMiles: 5, fetcher, now: 1_000 + 60_000 })).toMatchObject({ ok: true, fromCache: true });
    const stale = await liveNear(db, denver, { radiusMiles: 5, fetcher, now: 1_000 + LIVE_TTL_MS + 1 });
    expect(stale).toMatchObject({ ok: false, reason: 'http', cached: { rows: [{ name: 'Clinic 1, Outpatient' }, { name: 'Clinic 2, Outpatient' }] } });
    expect((await db.liveCache.get('80202'))?.rows).toHaveLength(2);
    // "Refresh now" asks again even while the cache is fresh.
    mode = 'ok';
    expect(await liveNear(db, denver, { fetcher, now: 2_000, force: true })).toMatchObject({ ok: true, fromCache: false, fetchedAt: 2_000 });
    // Permission revoked in the browser: say so, keep showing the cached rows.
    const revoked = await liveNear(db, denver, { fetcher: withoutPermission, force: true });
    expect(revoked).toMatchObject({ ok: false, reason: 'permission', cached: { fetchedAt: 2_000 } });
    await wipeUserData(db);
    expect(await db.liveCache.count()).toBe(0);
  });
});
