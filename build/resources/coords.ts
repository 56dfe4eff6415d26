/** Repair of coordinates that sit far from the row's own ZIP. */
import { haversineMiles, type LatLon } from '../../src/shared/geo/nearest';
import type { Place } from './place';

/** A row this far from its own ZIP's centre point has suspect coordinates (or a wrong ZIP). */
export const SUSPECT_MILES = 50;

/**
 * Coordinates checked by hand and found to be in the wrong place (the source geocoder matched
 * another town). They are replaced by the centre of the row's ZIP, which matches its city.
 * Keyed by ZIP + normalised street. A stale entry (matching no row) fails the build.
 */
export const REVIEWED_BAD_COORDS: Record<string, string> = {
  '25667|2954 buffalo creek rd':
    'Logan Mingo Area Mental Health, Chattaroy WV: source point is near Clarksburg WV (Harrison County), 143 mi away; the SUT row says Mingo County',
  '59524|229 medicine bear rd':
    'Fort Belknap Chemical Dependency Program, Dodson MT: source point is near Poplar MT (Fort Peck Reservation), 148 mi east of the Dodson ZIP',
  '33830|1255 gunn hwy':
    'Tri County Human Services (New Beginning), Bartow FL: source point is on the Gunn Highway in Odessa (Pasco County), 52 mi away; the SUT row says Polk County',
};

export interface CoordRepair {
  ref: string;
  what: string;
  fromMiles: number;
  how: string;
}

/**
 * Rows more than SUSPECT_MILES from their own ZIP's centre: take the coordinates of another row at
 * the same street + ZIP that agrees with the ZIP; else, if reviewed, use the ZIP centre; else keep
 * (listed in the report: usually a huge rural ZCTA or a wrong ZIP, with correct coordinates).
 * `reviewed` defaults to REVIEWED_BAD_COORDS (the tests pass their own).
 */
export function repairCoords(
  places: Place[],
  zips: Map<string, LatLon>,
  repairs: CoordRepair[],
  kept: CoordRepair[],
  reviewed: Record<string, string> = REVIEWED_BAD_COORDS,
) {
  const byAddr = new Map<string, Place[]>();
  for (const p of places) {
    if (!p.addrK) continue;
    const k = `${p.zip}|${p.addrK}`;
    byAddr.set(k, [...(byAddr.get(k) ?? []), p]);
  }
  const usedReviews = new Set<string>();
  const suspect = places.filter((p) => zips.has(p.zip) && haversineMiles(p, zips.get(p.zip)!) > SUSPECT_MILES);
  for (const p of suspect) {
    const centre = zips.get(p.zip)!;
    const fromMiles = Math.round(haversineMiles(p, centre));
    const what = `${[p.name, p.address, p.city].filter(Boolean).join(', ')} ${p.state} ${p.zip} (${p.lat},${p.lon})`;
    const key = `${p.zip}|${p.addrK}`;
    const donor = (byAddr.get(key) ?? []).find((d) => d !== p && haversineMiles(d, centre) <= SUSPECT_MILES);
    if (donor) {
      repairs.push({ ref: p.ref, what, fromMiles, how: `coordinates of ${donor.ref} (same street and ZIP)` });
      p.lat = donor.lat;
      p.lon = donor.lon;
    } else if (reviewed[key]) {
      usedReviews.add(key);
      repairs.push({ ref: p.ref, what, fromMiles, how: `ZIP ${p.zip} centre point (reviewed: ${reviewed[key]})` });
      p.lat = centre.lat;
      p.lon = centre.lon;
    } else {
      kept.push({ ref: p.ref, what, fromMiles, how: 'kept as is' });
    }
  }
  const stale = Object.keys(reviewed).filter((k) => !usedReviews.has(k));
  if (stale.length) throw new Error(`REVIEWED_BAD_COORDS entries that match no suspect row (stale?): ${stale.join(', ')}`);
}
