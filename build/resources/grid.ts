/** Spatial index for the build: places by 0.25-degree cell (src/shared/geo/nearest.ts). */
import { cellKey, nearest, type LatLon } from '../../src/shared/geo/nearest';
import type { Place } from './place';

export const METERS_PER_MILE = 1609.344;

/** Places bucketed by grid cell; `near` returns the original objects (so merges stick). */
export class Grid {
  private cells = new Map<string, Array<LatLon & { place: Place }>>();
  add(p: Place) {
    const k = cellKey(p.lat, p.lon);
    const entry = { lat: p.lat, lon: p.lon, place: p };
    const bucket = this.cells.get(k);
    if (bucket) bucket.push(entry);
    else this.cells.set(k, [entry]);
  }
  /** Places within `miles` of `o`, nearest first. */
  near(o: LatLon, miles: number): Place[] {
    return nearest(o, miles, Infinity, (k) => this.cells.get(k)).map((e) => e.place);
  }
}
