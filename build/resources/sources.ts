/** The three treatment datasets (SUT facilities, MOUD providers, OTPs) read as places. */
import { MEDICATIONS, type Medication, type ResourceSourceId } from '../../src/data/resources/directory-schema';
import { makePlace, type Place, type SourceStats } from './place';
import { clean } from './normalise';
import { RAW, readCsv } from './raw';

/** More invalid input rows than this in one dataset fails the build. */
export const MAX_DROPPED = 10;

type Row = Record<string, string>;

const RAW_FILE: Record<ResourceSourceId, string> = { 'sut-2021': RAW.sut, 'moud-2020': RAW.moud, 'otp-2019': RAW.otp };

/** SUT and MOUD rows share OEPS's column names. */
const oepsFields = (row: Row) => ({
  name1: row.name1,
  name2: row.name2,
  street1: row.street1,
  street2: row.street2,
  city: row.city,
  state: row.state,
  zip: row.zip,
  lat: row.latitude,
  lon: row.longitude,
});

/** One dataset's rows as places ("moud-2020 line 12"); `accept` completes a place or drops it. */
function loadPlaces(
  rawDir: string,
  source: ResourceSourceId,
  stats: SourceStats,
  fields: (row: Row) => Parameters<typeof makePlace>[2],
  accept: (p: Place, row: Row) => boolean = () => true,
): Place[] {
  const out: Place[] = [];
  for (const { line, row } of readCsv(rawDir, RAW_FILE[source])) {
    stats.rowsIn++;
    const p = makePlace(`${source} line ${line}`, source, fields(row), stats.dropped);
    if (p && accept(p, row)) out.push(p);
  }
  return out;
}

const loadSut = (rawDir: string, stats: SourceStats) => loadPlaces(rawDir, 'sut-2021', stats, oepsFields);

/** One row per place and medication. */
const loadMoud = (rawDir: string, stats: SourceStats) =>
  loadPlaces(rawDir, 'moud-2020', stats, oepsFields, (p, row) => {
    const med = clean(row.category).toLowerCase();
    if (!(MEDICATIONS as readonly string[]).includes(med)) {
      stats.dropped.push({ ref: p.ref, reason: `unknown medication "${row.category}"`, what: p.name });
      return false;
    }
    p.meds.add(med as Medication);
    return true;
  });

/** Every OTP dispenses methadone. */
const loadOtp = (rawDir: string, stats: SourceStats) =>
  loadPlaces(
    rawDir,
    'otp-2019',
    stats,
    (row) => ({ name1: row.name, street1: row.address, city: row.city, state: row.state, zip: row.zip, lat: row.latitude, lon: row.longitude }),
    (p) => {
      p.otp = true;
      p.meds.add('methadone');
      return true;
    },
  );

/** Every dataset's places and counts, in source order; more than MAX_DROPPED invalid rows in one fails. */
export function loadSources(rawDir: string): { stats: [SourceStats, SourceStats, SourceStats]; places: [Place[], Place[], Place[]] } {
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

  return { stats: [sutStats, moudStats, otpStats], places: [sutRaw, moudRaw, otpRaw] };
}
