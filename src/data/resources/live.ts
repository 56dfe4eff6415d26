/**
 * Opt-in live refresh from SAMHSA's FindTreatment.gov locator, for the reader's area only. Off by
 * default; its host permission is requested when the reader turns it on. Everything it returns is
 * validated; any failure keeps the cached rows and says plainly what happened.
 */
import { z } from 'zod';
import type { Table } from 'dexie';
import type { ZipPoint } from './schema';

export const LIVE_ORIGIN = 'https://findtreatment.gov';
export const LIVE_PERMISSION = { origins: [`${LIVE_ORIGIN}/*`] };
/** Cached results are reused for a day. */
export const LIVE_TTL_MS = 24 * 60 * 60 * 1000;
const TIMEOUT_MS = 8000;
const METRES_PER_MILE = 1609.344;

const text = z.string().trim().max(300);
/**
 * A number the locator may send as a number or a numeric string; nothing else. (z.coerce would
 * turn '', [], true or false into 0 or 1: a coordinate nobody sent.)
 */
const numeric = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)]).pipe(z.number().finite());
/** Empty or null means unknown (not 0). */
const optionalNumber = z.preprocess((v) => (v === null || v === '' ? undefined : v), numeric.pipe(z.number().nonnegative().max(25_000)).optional());
/** One record of the locator's JSON export (fields as documented for exportsAsJson/v2). */
const LiveRecord = z.object({
  name1: text.min(1),
  name2: text.optional().nullable(),
  street1: text.optional().nullable(),
  street2: text.optional().nullable(),
  city: text.optional().nullable(),
  state: text.optional().nullable(),
  zip: text.optional().nullable(),
  phone: text.optional().nullable(),
  website: text.optional().nullable(),
  latitude: numeric.pipe(z.number().min(-90).max(90)),
  longitude: numeric.pipe(z.number().min(-180).max(180)),
  miles: optionalNumber,
  services: z.array(z.object({ f1: text.optional().nullable(), f3: z.string().max(2000).optional().nullable() })).optional().nullable(),
});

/** What we keep and show. */
export interface LivePlace {
  name: string;
  address: string;
  phone: string | null;
  website: string | null;
  miles: number | null;
  lat: number;
  lon: number;
  services: string[];
}

/** One cached answer for a ZIP (the liveCache table, schema v2). */
export interface LiveCacheRow {
  zip: string;
  fetchedAt: number;
  rows: LivePlace[];
}

/** Why a live refresh gave nothing new; each has its own words in the UI (liveReason_<reason>). */
export const LIVE_FAILURES = ['offline', 'timeout', 'http', 'malformed', 'permission'] as const;
export type LiveFailure = (typeof LIVE_FAILURES)[number];

export type LiveResult =
  | { ok: true; rows: LivePlace[]; fetchedAt: number; fromCache: boolean; skipped: number }
  | { ok: false; reason: LiveFailure; detail: string; cached?: { rows: LivePlace[]; fetchedAt: number } };

function toPlace(r: z.infer<typeof LiveRecord>): LivePlace {
  const join = (...parts: (string | null | undefined)[]) => parts.filter((p) => p && p.trim()).join(', ');
  const website = safeWebsite(r.website);
  return {
    name: join(r.name1, r.name2),
    address: join(r.street1, r.street2, r.city, [r.state, r.zip].filter(Boolean).join(' ')),
    phone: r.phone && /\d{3}/.test(r.phone) ? r.phone : null,
    website,
    miles: r.miles ?? null,
    lat: r.latitude,
    lon: r.longitude,
    services: (r.services ?? []).map((s) => [s.f1, s.f3].filter(Boolean).join(': ')).filter(Boolean).slice(0, 6),
  };
}

/** http(s) links only ("www.x.org" gets https://); anything else (javascript:, data:) is dropped. */
function safeWebsite(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(/^[a-z][a-z\d+.-]*:/i.test(raw) ? raw : `https://${raw}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The number to dial for a listed phone: digits only, an extension ("x12", "ext. 12") left off; null if not a US number. */
export function dialable(phone: string): string | null {
  const digits = phone.split(/x|ext/i)[0].replace(/\D/g, '');
  return digits.length === 10 || (digits.length === 11 && digits.startsWith('1')) ? digits : null;
}

/** Parse a response body: an array of records or an object with `rows`. Bad records are skipped and counted. */
export function parseLive(body: unknown): { rows: LivePlace[]; skipped: number } | null {
  const list = Array.isArray(body) ? body : Array.isArray((body as { rows?: unknown })?.rows) ? (body as { rows: unknown[] }).rows : null;
  if (!list) return null;
  const rows: LivePlace[] = [];
  let skipped = 0;
  for (const item of list.slice(0, 200)) {
    const parsed = LiveRecord.safeParse(item);
    if (parsed.success) rows.push(toPlace(parsed.data));
    else skipped++;
  }
  if (!rows.length && skipped) return null;
  return { rows, skipped };
}

/** Fetch places within `radiusMiles` of a point. Never throws. */
export async function fetchLive(origin: ZipPoint, radiusMiles: number, base = LIVE_ORIGIN, timeoutMs = TIMEOUT_MS): Promise<LiveResult> {
  const url = new URL('/locator/exportsAsJson/v2', base);
  url.search = new URLSearchParams({
    sAddr: `${origin.lat},${origin.lon}`,
    // Substance use services (the locator also lists mental-health-only facilities).
    sType: 'SA',
    limitType: '2',
    limitValue: String(Math.round(radiusMiles * METRES_PER_MILE)),
    pageSize: '20',
    page: '1',
    sort: '0',
  }).toString();
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
  } catch (error) {
    const name = (error as Error)?.name;
    return name === 'TimeoutError' || name === 'AbortError'
      ? { ok: false, reason: 'timeout', detail: `no answer within ${timeoutMs / 1000} s` }
      : { ok: false, reason: 'offline', detail: String((error as Error)?.message ?? error) };
  }
  if (!response.ok) return { ok: false, reason: 'http', detail: `HTTP ${response.status}` };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, reason: 'malformed', detail: 'the answer was not JSON' };
  }
  const parsed = parseLive(body);
  if (!parsed) return { ok: false, reason: 'malformed', detail: 'the answer did not have the expected records' };
  return { ok: true, rows: parsed.rows, skipped: parsed.skipped, fetchedAt: Date.now(), fromCache: false };
}

export interface LiveOptions {
  radiusMiles?: number;
  fetcher?: (origin: ZipPoint, radiusMiles: number) => Promise<LiveResult>;
  now?: number;
  /** Ask again even if the cache is fresh ("Refresh now"). */
  force?: boolean;
}

/**
 * Cached results for a ZIP if fresh, else a new fetch that replaces the cache only on success.
 * A failure returns the reason and whatever was cached, so nothing shown is ever lost.
 */
export async function liveNear(db: { liveCache: Table<LiveCacheRow, string> }, zip: ZipPoint, { radiusMiles = 10, fetcher = fetchLive, now = Date.now(), force = false }: LiveOptions = {}): Promise<LiveResult> {
  const cached = await db.liveCache.get(zip.zip);
  if (cached && !force && now - cached.fetchedAt < LIVE_TTL_MS) return { ok: true, rows: cached.rows, fetchedAt: cached.fetchedAt, fromCache: true, skipped: 0 };
  const result = await fetcher(zip, radiusMiles);
  if (!result.ok) return { ...result, ...(cached ? { cached: { rows: cached.rows, fetchedAt: cached.fetchedAt } } : {}) };
  await db.liveCache.put({ zip: zip.zip, fetchedAt: now, rows: result.rows });
  return { ...result, fetchedAt: now };
}

/** The fetcher to use when the reader turned live refresh on but the browser no longer grants the host. */
export const withoutPermission = async (): Promise<LiveResult> => ({ ok: false, reason: 'permission', detail: 'host permission not granted' });
