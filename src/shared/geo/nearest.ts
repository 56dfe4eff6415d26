/**
 * Nearest-place search over a fixed lat/lon grid. Pure functions (no zod, no DOM) so the same code
 * runs in the data build, in unit tests and in the extension.
 *
 * Rows are bucketed by `cellKey(lat, lon)`, a CELL_DEG x CELL_DEG degree cell ("159:-420"); a
 * search reads only the cells that overlap the bounding box of the search circle, then filters by
 * exact great-circle distance.
 */

/** Cell size in degrees (0.25 deg = about 17 miles north-south). */
export const CELL_DEG = 0.25;
const PER_DEG = 1 / CELL_DEG;
/** Number of cells around the globe in longitude. */
const LON_CELLS = 360 * PER_DEG;

/** Mean Earth radius in miles (IUGG). */
export const EARTH_RADIUS_MILES = 3958.7613;
/** Miles per degree of latitude (and of longitude at the equator) on that sphere. */
const MILES_PER_DEG = (Math.PI / 180) * EARTH_RADIUS_MILES;

export interface LatLon {
  lat: number;
  lon: number;
}

/** Longitude wrapped into [-180, 180). */
function wrapLon(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

function latIndex(lat: number): number {
  // Latitude 90 belongs to the last cell below the pole.
  return Math.min(Math.floor(lat * PER_DEG), 90 * PER_DEG - 1);
}

function lonIndex(lon: number): number {
  return Math.floor(wrapLon(lon) * PER_DEG);
}

function key(latIdx: number, lonIdx: number): string {
  return `${latIdx}:${lonIdx}`;
}

/** The grid cell holding a point, e.g. cellKey(39.75, -105.0) === "159:-420". */
export function cellKey(lat: number, lon: number): string {
  return key(latIndex(lat), lonIndex(lon));
}

/** Great-circle distance in miles (haversine). */
export function haversineMiles(a: LatLon, b: LatLon): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLon = (b.lon - a.lon) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Keys of every cell that overlaps the circle of `radiusMiles` around `origin` (a superset: the
 * circle's bounding box, widened where meridians converge).
 */
export function cellsWithin(origin: LatLon, radiusMiles: number): string[] {
  if (!(radiusMiles >= 0) || !Number.isFinite(origin.lat) || !Number.isFinite(origin.lon)) return [];
  const dLat = radiusMiles / MILES_PER_DEG;
  const south = Math.max(-90, origin.lat - dLat);
  const north = Math.min(90, origin.lat + dLat);
  const latLo = latIndex(south);
  const latHi = latIndex(north);

  // A parallel's circumference shrinks with cos(lat): use the latitude nearest a pole in the band.
  const widest = Math.max(Math.abs(south), Math.abs(north));
  const cos = Math.cos((widest * Math.PI) / 180);
  const dLon = cos > 1e-9 ? radiusMiles / (MILES_PER_DEG * cos) : 360;

  const lonIdx: number[] = [];
  if (dLon >= 180) {
    for (let j = -180 * PER_DEG; j < 180 * PER_DEG; j++) lonIdx.push(j);
  } else {
    const first = Math.floor((origin.lon - dLon) * PER_DEG);
    const last = Math.floor((origin.lon + dLon) * PER_DEG);
    const seen = new Set<number>();
    for (let j = first; j <= last; j++) {
      // Wrap across the antimeridian into [-720, 719].
      const w = ((((j + LON_CELLS / 2) % LON_CELLS) + LON_CELLS) % LON_CELLS) - LON_CELLS / 2;
      if (!seen.has(w)) {
        seen.add(w);
        lonIdx.push(w);
      }
    }
  }

  const keys: string[] = [];
  for (let i = latLo; i <= latHi; i++) for (const j of lonIdx) keys.push(key(i, j));
  return keys;
}

export type WithDistance<Row> = Row & { distanceMiles: number };

/**
 * The `limit` rows closest to `origin` within `radiusMiles`, nearest first (ties by id, then
 * input order). Only the cells from `cellsWithin` are read through `getCell`.
 */
export function nearest<Row extends LatLon & { id?: string }>(
  origin: LatLon,
  radiusMiles: number,
  limit: number,
  getCell: (key: string) => readonly Row[] | undefined,
): WithDistance<Row>[] {
  if (!(limit > 0)) return [];
  const found: WithDistance<Row>[] = [];
  for (const k of cellsWithin(origin, radiusMiles)) {
    const rows = getCell(k);
    if (!rows) continue;
    for (const row of rows) {
      const d = haversineMiles(origin, row);
      if (d <= radiusMiles) found.push({ ...row, distanceMiles: d });
    }
  }
  found.sort((a, b) => a.distanceMiles - b.distanceMiles || compareIds(a.id, b.id));
  return found.length > limit ? found.slice(0, limit) : found;
}

function compareIds(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/** Group items by a key, keeping their order: the one bucketing behind every grid and ZIP table. */
export function bucketBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Bucket rows by cell (rows that carry a `cell` key keep it; others get one computed). */
export function indexByCell<Row extends LatLon & { cell?: string }>(rows: readonly Row[]): Map<string, Row[]> {
  return bucketBy(rows, (row) => row.cell ?? cellKey(row.lat, row.lon));
}

/** ZIP centre points are stored by the ZIP's first three digits (one record per prefix). */
export const zipPrefix = (zip: string): string => zip.slice(0, 3);
