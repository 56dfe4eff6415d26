/** The same-place rules: which rows are one place, and how two rows of one place merge. */
import { haversineMiles, type LatLon } from '../../src/shared/geo/nearest';
import { Grid, METERS_PER_MILE } from './grid';
import type { Place } from './place';

/** Same name within this distance = same place. */
export const DUP_NAME_MILES = 50 / METERS_PER_MILE;
/** Same normalised name+address counts as one place when the ZIP matches or within this distance. */
export const SAME_ADDRESS_MILES = 2;

/** Adds `from` to `into`: medications, sources, OTP status, a missing address, better coordinates. */
export function merge(into: Place, from: Place, zips: Map<string, LatLon>) {
  for (const m of from.meds) into.meds.add(m);
  for (const s of from.sources) if (!into.sources.includes(s)) into.sources.push(s);
  into.otp ||= from.otp;
  if (!into.address && from.address) {
    into.address = from.address;
    into.addrK = from.addrK;
  }
  // Conflicting coordinates for one place: keep the pair that agrees with the ZIP.
  const centre = zips.get(into.zip);
  if (centre && haversineMiles(into, from) > 1 && haversineMiles(from, centre) < haversineMiles(into, centre)) {
    into.lat = from.lat;
    into.lon = from.lon;
  }
}

/**
 * Merge rows of one dataset that are the same place: same state + normalised full name + street
 * (same ZIP or within SAME_ADDRESS_MILES), or same normalised full name within DUP_NAME_MILES.
 */
export function dedupe(places: Place[], zips: Map<string, LatLon>): { kept: Place[]; merged: number } {
  const kept: Place[] = [];
  const byKey = new Map<string, Place[]>();
  const grid = new Grid();
  let merged = 0;
  for (const p of places) {
    const key = `${p.state}|${p.fullK}|${p.addrK}`;
    let twin = (byKey.get(key) ?? []).find((k) => k.zip === p.zip || haversineMiles(k, p) <= SAME_ADDRESS_MILES);
    twin ??= grid.near(p, DUP_NAME_MILES).find((k) => k.fullK === p.fullK);
    if (twin) {
      merge(twin, p, zips);
      merged++;
      continue;
    }
    kept.push(p);
    byKey.set(key, [...(byKey.get(key) ?? []), p]);
    grid.add(p);
  }
  return { kept, merged };
}
