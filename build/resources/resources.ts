/**
 * resources.json: the treatment places from the three SAMHSA datasets in content-data/raw/.
 *
 * Steps: parse CSV -> normalise (whitespace, casing, state codes, 5-digit ZIPs) -> drop invalid
 * rows (listed; more than MAX_DROPPED per dataset fails the build) -> repair coordinates that are
 * far from their own ZIP when another row at the same address agrees with the ZIP (or a reviewed
 * entry says so) -> de-duplicate (same normalised name+address, or same name within 50 m) ->
 * join MOUD medication rows to facilities (name+address, then similar name at the same street /
 * house number / within 100 m, then coordinates within 100 m with guards; see findTargets) -> add
 * OTPs (methadone), merging with the place at the same spot -> one more same-place pass across
 * datasets. See content-data/resources/PROVENANCE.md for counts.
 */
import { createHash } from 'node:crypto';
import {
  MEDICATIONS,
  RESOURCE_SOURCES,
  type ResourceRow,
  type ResourceSource,
  type ResourceSourceId,
  type ResourcesFile,
  type StateCode,
} from '../../src/data/resources/directory-schema';
import { cellKey, type LatLon } from '../../src/shared/geo/nearest';
import { repairCoords, type CoordRepair } from './coords';
import { PlaceIndex, joinMoud, joinOtp, type JoinStats } from './join';
import type { Place, SourceStats } from './place';
import { RAW_DIR, loadZipCentres } from './raw';
import { dedupe } from './same-place';
import { loadSources } from './sources';

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

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

export function buildResources(rawDir = RAW_DIR, zipPoints = loadZipCentres(rawDir)): { file: ResourcesFile; report: BuildReport } {
  const zips = new Map<string, LatLon>(zipPoints.map((z) => [z.zip, { lat: z.lat, lon: z.lon }]));
  const {
    stats: [sutStats, moudStats, otpStats],
    places: [sutRaw, moudRaw, otpRaw],
  } = loadSources(rawDir);

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

  const places = [...sut.kept];
  const index = new PlaceIndex(places);
  const moudJoin = joinMoud(moud.kept, index);
  for (const m of moudJoin.unmatched) {
    places.push(m);
    index.add(m);
  }
  const otpJoin = joinOtp(otp.kept, index, zips);
  places.push(...otpJoin.unmatched);
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
      moudJoin: moudJoin.stats,
      otpJoin: otpJoin.stats,
      moudOnlyRows: moudJoin.unmatched.length,
      otpOnlyRows: otpJoin.unmatched.length,
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
