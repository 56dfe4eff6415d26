/** One input row as a place: cleaned, checked (or dropped with a reason) and keyed for matching. */
import {
  US_STATE_CODES,
  inUsBoxes,
  type Medication,
  type ResourceSourceId,
} from '../../src/data/resources/directory-schema';
import type { LatLon } from '../../src/shared/geo/nearest';
import { addrKey, clean, fixCase, isPlaceholderStreet, joinNames, nameKey, normZip } from './normalise';

export interface Place extends LatLon {
  name: string;
  address: string;
  city: string;
  state: string;
  zip: string;
  /** Key of the main name only (name1), for joins across datasets. */
  nameK: string;
  /** Key of the full display name (name1 + name2), for de-duplication. */
  fullK: string;
  addrK: string;
  meds: Set<Medication>;
  sources: ResourceSourceId[];
  otp: boolean;
  /** "sut-2021 line 12", for reports. */
  ref: string;
}

export interface Dropped {
  ref: string;
  reason: string;
  what: string;
}

export interface SourceStats {
  id: string;
  rowsIn: number;
  dropped: Dropped[];
  places: number;
  duplicatesMerged: number;
  out?: number;
}

export const STATES = new Set<string>(US_STATE_CODES);

/** The row as a place, or null after listing why it was dropped in `dropped`. */
export function makePlace(
  ref: string,
  source: ResourceSourceId,
  f: { name1: string; name2?: string; street1: string; street2?: string; city: string; state: string; zip: string; lat: string; lon: string },
  dropped: Dropped[],
): Place | null {
  const name1 = fixCase(clean(f.name1), 12);
  let name2 = fixCase(clean(f.name2), 12);
  if (name2 && nameKey(name1).includes(nameKey(name2))) name2 = '';
  const name = joinNames(name1, name2);
  const street1 = clean(f.street1);
  const streets = [isPlaceholderStreet(street1) ? '' : street1, clean(f.street2)].filter(Boolean);
  const address = fixCase(streets.join(', '), 6, false);
  const state = clean(f.state).toUpperCase();
  // "Jessup, MD" -> "Jessup"
  const city = fixCase(clean(f.city), 4, false).replace(/,\s*([A-Za-z]{2})$/, (m, st: string) => (st.toUpperCase() === state ? '' : m));
  const zip = normZip(f.zip);
  const lat = Number(f.lat);
  const lon = Number(f.lon);
  const what = `${name}, ${address}, ${city} ${state} ${f.zip}`;
  const drop = (reason: string) => (dropped.push({ ref, reason, what }), null);
  if (name.length < 2) return drop('no name');
  if (!STATES.has(state)) return drop(`state "${state}" is outside the covered area (50 states, DC, PR)`);
  if (!city) return drop('no city');
  if (!zip) return drop(`bad ZIP "${f.zip}"`);
  if (!f.lat || !f.lon || !Number.isFinite(lat) || !Number.isFinite(lon)) return drop('no coordinates');
  if (!inUsBoxes(lat, lon, state)) return drop(`coordinates ${lat},${lon} outside the ${state} bounding box`);
  return {
    name,
    address,
    city,
    state,
    zip,
    lat,
    lon,
    nameK: nameKey(name1),
    fullK: nameKey(name),
    addrK: addrKey(address),
    meds: new Set(),
    sources: [source],
    otp: false,
    ref,
  };
}
