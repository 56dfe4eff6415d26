/**
 * Joins across datasets: MOUD medication rows and OTPs find the facility they belong to (or
 * become places of their own). A new join (another dataset onto the places) goes through
 * `joinPlaces` with its own fallback rule and merge.
 */
import { haversineMiles, type LatLon } from '../../src/shared/geo/nearest';
import { Grid, METERS_PER_MILE } from './grid';
import { namesSimilar, unitOf } from './normalise';
import type { Place } from './place';
import { SAME_ADDRESS_MILES, merge } from './same-place';

/** Coordinate fallback radius when joining MOUD rows / OTPs to facilities. */
export const JOIN_MILES = 100 / METERS_PER_MILE;

export interface JoinStats {
  byNameAddress: number;
  byAddressSimilarName: number;
  byNumberSimilarName: number;
  byCoordsSimilarName: number;
  byCoordsOnly: number;
  unmatched: number;
  examplesCoordsOnly: string[];
}

const emptyJoin = (): JoinStats => ({
  byNameAddress: 0,
  byAddressSimilarName: 0,
  byNumberSimilarName: 0,
  byCoordsSimilarName: 0,
  byCoordsOnly: 0,
  unmatched: 0,
  examplesCoordsOnly: [],
});

/** Indexes over the places MOUD rows and OTPs are joined to. */
export class PlaceIndex {
  /** By state + name + street, under both the main-name and the full-name key. */
  byNameAddr = new Map<string, Place[]>();
  byAddr = new Map<string, Place[]>();
  grid = new Grid();
  constructor(places: Place[]) {
    for (const p of places) this.add(p);
  }
  add(p: Place) {
    const push = (m: Map<string, Place[]>, k: string) => {
      const list = m.get(k);
      if (!list) m.set(k, [p]);
      else if (!list.includes(p)) list.push(p);
    };
    push(this.byNameAddr, `${p.state}|${p.nameK}|${p.addrK}`);
    push(this.byNameAddr, `${p.state}|${p.fullK}|${p.addrK}`);
    if (p.addrK) push(this.byAddr, `${p.state}|${p.addrK}`);
    this.grid.add(p);
  }
}

type Tier = keyof Omit<JoinStats, 'unmatched' | 'examplesCoordsOnly'>;

/** Radius for "same house number" matches (different geocoders put one door up to ~400 m apart). */
const SAME_NUMBER_MILES = 0.25;

/**
 * Where a MOUD place or an OTP belongs, best tier first:
 * 1) same name + street (same ZIP or within 2 mi): all such places (one building), preferring an
 *    exact full-name match;  2) same street and a similar name;  3) same house number (and suite)
 *    within 0.25 mi and a similar name;  4) within 100 m and a similar name;  5) the nearest
 *    place within 0.25 mi that `fallback` accepts (coordinates; see the callers).
 */
export function findTargets(p: Place, index: PlaceIndex, fallback: (c: Place, miles: number) => boolean): { targets: Place[]; tier?: Tier } {
  const close = (c: Place) => c.zip === p.zip || haversineMiles(c, p) <= SAME_ADDRESS_MILES;
  const byDistance = (list: Place[]) => [...list].sort((a, b) => haversineMiles(a, p) - haversineMiles(b, p));
  const sameNameAddr = [
    ...new Set([
      ...(index.byNameAddr.get(`${p.state}|${p.nameK}|${p.addrK}`) ?? []),
      ...(index.byNameAddr.get(`${p.state}|${p.fullK}|${p.addrK}`) ?? []),
    ]),
  ].filter(close);
  if (sameNameAddr.length) {
    const exact = sameNameAddr.filter((c) => c.fullK === p.fullK);
    return { targets: exact.length ? exact : sameNameAddr, tier: 'byNameAddress' };
  }
  const similar = (c: Place) => namesSimilar(c.fullK, p.fullK) || namesSimilar(c.nameK, p.nameK);
  const sameAddr = p.addrK ? (index.byAddr.get(`${p.state}|${p.addrK}`) ?? []).filter((c) => close(c) && similar(c)) : [];
  if (sameAddr.length) return { targets: byDistance(sameAddr).slice(0, 1), tier: 'byAddressSimilarName' };
  const around = index.grid.near(p, SAME_NUMBER_MILES).filter((c) => c.state === p.state);
  const first = (tier: Tier, ok: (c: Place, miles: number) => boolean) => {
    const hit = around.find((c) => ok(c, haversineMiles(c, p)));
    return hit ? { targets: [hit], tier } : undefined;
  };
  return (
    first('byNumberSimilarName', (c) => sameDoor(c, p) && similar(c)) ??
    first('byCoordsSimilarName', (c, miles) => miles <= JOIN_MILES && similar(c)) ??
    first('byCoordsOnly', fallback) ?? { targets: [] }
  );
}

/**
 * Plausibly the same door: same house number ("1570 South Main St" / "1570 S Main Street") and
 * not two different suites of one building.
 */
export function sameDoor(a: Place, b: Place): boolean {
  const n = (p: Place) => p.addrK.match(/^\d+\b/)?.[0];
  if (n(a) === undefined || n(a) !== n(b)) return false;
  const ua = unitOf(a.address);
  const ub = unitOf(b.address);
  return !(ua && ub && ua !== ub);
}

/**
 * Joins each incoming place to its target(s) in `index` (findTargets with `fallback` as the last
 * tier), counting the tiers; `apply` takes each matched place into its targets. Returns the counts
 * and the places that matched nothing (the caller decides whether they become rows).
 */
export function joinPlaces(
  incoming: Place[],
  index: PlaceIndex,
  fallback: (p: Place, c: Place, miles: number) => boolean,
  apply: (p: Place, targets: Place[]) => void,
): { stats: JoinStats; unmatched: Place[] } {
  const stats = emptyJoin();
  const unmatched: Place[] = [];
  for (const p of incoming) {
    const { targets, tier } = findTargets(p, index, (c, miles) => fallback(p, c, miles));
    if (!tier) {
      stats.unmatched++;
      unmatched.push(p);
      continue;
    }
    stats[tier]++;
    if (tier === 'byCoordsOnly') {
      stats.examplesCoordsOnly.push(`${p.name}, ${p.address} -> ${targets[0].name}, ${targets[0].address}`);
    }
    apply(p, targets);
  }
  return { stats, unmatched };
}

/**
 * MOUD medications -> facilities. Coordinates alone (within 100 m) only join to a facility with
 * the same house number (and suite, if both have one) and no MOUD match of its own yet, so a
 * neighbour does not inherit another provider's medications; otherwise the MOUD place becomes its
 * own row.
 */
export function joinMoud(moud: Place[], index: PlaceIndex) {
  const matchedFacilities = new Set<Place>();
  return joinPlaces(
    moud,
    index,
    (m, c, miles) => miles <= JOIN_MILES && sameDoor(c, m) && !matchedFacilities.has(c),
    (m, targets) => {
      for (const t of targets) {
        for (const med of m.meds) t.meds.add(med);
        if (!t.sources.includes('moud-2020')) t.sources.push('moud-2020');
        matchedFacilities.add(t);
      }
    },
  );
}

/**
 * OTPs: merge into the place at the same spot. With a different name: a place within 100 m that
 * already offers methadone, or at the same door (house number, suite) offering methadone or on
 * the same normalised street.
 */
export function joinOtp(otp: Place[], index: PlaceIndex, zips: Map<string, LatLon>) {
  return joinPlaces(
    otp,
    index,
    (o, c, miles) => (miles <= JOIN_MILES && c.meds.has('methadone')) || (sameDoor(c, o) && (c.meds.has('methadone') || c.addrK === o.addrK)),
    (o, targets) => {
      for (const t of targets) merge(t, o, zips);
    },
  );
}
