import type { SecondChanceDB } from '../db/database';
import type { StateLaw } from './law-table';
import type { ResourceRow, ZipPoint } from './schema';
import { cellsWithin, haversineMiles, zipPrefix } from '../../shared/geo/nearest';

export const RESOURCE_TYPES = ['all', 'buprenorphine', 'methadone', 'naltrexone'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export type NearbyRow = ResourceRow & { distanceMiles: number };

export interface Nearby {
  origin: ZipPoint | null;
  rows: NearbyRow[];
  /** How far the search had to go to find them. */
  radiusMiles: number;
  /** Laws of the reader's state, as told by the listed programs (ZIP points carry no state). */
  law?: StateLaw;
  /** The directory's data date. */
  asOf: string;
}

const RADII = [5, 10, 25, 50, 100];

export const matchesType = (row: ResourceRow, type: ResourceType) => type === 'all' || row.medications.includes(type);

/**
 * The nearest places to a point, widening the circle until `limit` are found. Reads only the grid
 * cells the circle overlaps (`rowsIn` is an index lookup), never the whole table.
 */
export async function nearestPlaces(
  origin: ZipPoint,
  type: ResourceType,
  limit: number,
  rowsIn: (cells: string[]) => Promise<ResourceRow[]>,
): Promise<{ rows: NearbyRow[]; radiusMiles: number }> {
  let rows: NearbyRow[] = [];
  let radiusMiles = RADII[0];
  for (radiusMiles of RADII) {
    rows = (await rowsIn(cellsWithin(origin, radiusMiles)))
      .filter((r) => matchesType(r, type))
      .map((r) => ({ ...r, distanceMiles: haversineMiles(origin, r) }))
      .filter((r) => r.distanceMiles <= radiusMiles)
      .sort((a, b) => a.distanceMiles - b.distanceMiles);
    if (rows.length >= limit) break;
  }
  return { rows: rows.slice(0, limit), radiusMiles };
}

/** A ZIP's centre point, or undefined for ZIPs without one (PO boxes, unique ZIPs). */
export async function zipPoint(db: SecondChanceDB, zip: string): Promise<ZipPoint | undefined> {
  return (await db.zipPoints.get(zipPrefix(zip)))?.points.find((p) => p.zip === zip);
}

/** Farther than this from any ZIP centre point, a position is not in the area the directory covers. */
const NEAREST_ZIP_MAX_MILES = 25;

/**
 * The ZIP whose centre point is nearest to a position (from "use my current location"), so only a
 * ZIP is ever stored. Reads every centre point once: it runs on a click, not on every render.
 */
export async function nearestZip(db: SecondChanceDB, position: { lat: number; lon: number }): Promise<ZipPoint | undefined> {
  let best: { point: ZipPoint; miles: number } | undefined;
  await db.zipPoints.each(({ points }) => {
    for (const point of points) {
      const miles = haversineMiles(position, point);
      if (!best || miles < best.miles) best = { point, miles };
    }
  });
  return best && best.miles <= NEAREST_ZIP_MAX_MILES ? best.point : undefined;
}

/** Nearest places to a saved ZIP from the database, with the state's laws and the data date. */
export async function findNearby(db: SecondChanceDB, zip: string, type: ResourceType, limit = 10): Promise<Nearby> {
  const asOf = String((await db.meta.get('resourcesAsOf'))?.value ?? '');
  const origin = (await zipPoint(db, zip)) ?? null;
  if (!origin) return { origin, rows: [], radiusMiles: 0, asOf };
  const { rows, radiusMiles } = await nearestPlaces(origin, type, limit, async (cells) =>
    (await db.resources.bulkGet(cells)).flatMap((c) => c?.rows ?? []),
  );
  const state = readerState(zip, rows);
  const law = state ? await db.stateLaws.get(state) : undefined;
  return { origin, rows, radiusMiles, law, asOf };
}

/**
 * The reader's state for the law panel. ZIP points carry no state, so it comes from the listed
 * programs: the nearest one in the reader's own 3-digit ZIP area (such areas lie within one state),
 * else the nearest one. Near a state line the nearest program may be across it (Kansas City, KS
 * readers are often nearest to Missouri programs), and the law shown must be the reader's own.
 */
export function readerState(zip: string, rows: { state: string; zip: string }[]): string | undefined {
  const prefix = zip.slice(0, 3);
  return (rows.find((r) => r.zip.startsWith(prefix)) ?? rows[0])?.state;
}

/** An OpenStreetMap link for a place (no tracking, no account). */
export function mapLink(row: ResourceRow): string {
  return `https://www.openstreetmap.org/?mlat=${row.lat}&mlon=${row.lon}#map=17/${row.lat}/${row.lon}`;
}

export const FIND_TREATMENT_URL = 'https://findtreatment.gov/';
