import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addrKey,
  buildResources,
  buildStateLaws,
  clean,
  fixCase,
  joinNames,
  loadZipCentres,
  nameKey,
  normZip,
  parseCsv,
  placeKey,
  unitOf,
  usDate,
  validateResources,
  validateStateLaws,
  validateZipPoints,
} from '../../../scripts/data-build';
import {
  ResourcesFile,
  StateLawsFile,
  US_STATE_CODES,
  inUsBoxes,
  type ResourceRow,
} from '../../../src/data/resources/directory-schema';
import { cellKey, haversineMiles, indexByCell, nearest } from '../../../src/shared/geo/nearest';
import { ZipPointsFile } from '../../../src/data/resources/schema';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const resourcesJson = readJson('content-data/resources/resources.json');
const zipsJson = readJson('content-data/zip-points/zip-points.json');
const lawsJson = readJson('content-data/resources/state-laws.json');
const rows: ResourceRow[] = ResourcesFile.parse(resourcesJson).rows;
const zipByCode = new Map(ZipPointsFile.parse(zipsJson).points.map((p) => [p.zip, p]));
const byCell = indexByCell(rows);
const within = (zip: string, miles: number) => nearest(zipByCode.get(zip)!, miles, Infinity, (k) => byCell.get(k));

describe('committed outputs', () => {
  it('parse with the zod schemas and pass the build validation', () => {
    expect(ResourcesFile.safeParse(resourcesJson).success).toBe(true);
    expect(ZipPointsFile.safeParse(zipsJson).success).toBe(true);
    expect(StateLawsFile.safeParse(lawsJson).success).toBe(true);
    expect(validateResources(resourcesJson)).toEqual([]);
    expect(validateZipPoints(zipsJson)).toEqual([]);
    expect(validateStateLaws(lawsJson)).toEqual([]);
  });

  it('are what the build makes from content-data/raw (no hand edits, no stale output)', () => {
    const zips = loadZipCentres(join('content-data', 'raw'));
    const { file } = buildResources(join('content-data', 'raw'), zips);
    expect(file.rows).toEqual(resourcesJson.rows);
    expect(buildStateLaws(join('content-data', 'raw'))).toEqual(lawsJson);
    expect(zipsJson.points).toHaveLength(zips.length);
  }, 60_000);

  it('keep the zip-points header fields and hold every ZCTA point', () => {
    expect(Object.keys(zipsJson)).toEqual(['_about', 'source', 'dataDate', 'points']);
    expect(zipsJson.points).toHaveLength(33_791);
    expect(zipByCode.get('80202')).toEqual({ zip: '80202', lat: 39.751526, lon: -104.997673 });
    expect(zipByCode.get('43215')).toEqual({ zip: '43215', lat: 39.966856, lon: -83.01296 });
    expect(zipByCode.get('00601')).toBeDefined(); // Puerto Rico, leading zeros kept
  });

  it('stay a sensible size', () => {
    const size = (p: string) => readFileSync(p).length;
    expect(size('content-data/resources/resources.json')).toBeLessThan(4.5e6);
    expect(size('content-data/zip-points/zip-points.json')).toBeLessThan(2e6);
    expect(size('content-data/resources/state-laws.json')).toBeLessThan(60e3);
  });
});

describe('resources.json rows', () => {
  it('have a valid state, a 5-digit ZIP, 5-decimal coordinates inside the US boxes (incl. AK/HI/PR) and their cell key', () => {
    const states = new Set<string>(US_STATE_CODES);
    for (const r of rows) {
      expect(states.has(r.state), r.id).toBe(true);
      expect(r.zip).toMatch(/^\d{5}$/);
      expect(inUsBoxes(r.lat, r.lon, r.state), `${r.id} ${r.lat},${r.lon} ${r.state}`).toBe(true);
      expect(Math.round(r.lat * 1e5) / 1e5).toBe(r.lat);
      expect(r.cell).toBe(cellKey(r.lat, r.lon));
    }
    const used = new Set<string>(rows.map((r) => r.state));
    for (const s of ['AK', 'HI', 'PR', 'DC', 'CO', 'OH']) expect(used.has(s)).toBe(true);
  });

  it('are de-duplicated: no two rows with the same normalised name + address, none with the same name within 50 m', () => {
    const seen = new Map<string, string>();
    for (const r of rows) {
      // Two rows with no street (placeholder in the source) are told apart by ZIP.
      const key = placeKey(r) + (r.address ? '' : `|${r.zip}`);
      expect(seen.get(key), `${r.id} duplicates ${seen.get(key)}: ${key}`).toBeUndefined();
      seen.set(key, r.id);
    }
    for (const r of rows) {
      const close = nearest(r, 50 / 1609.344, Infinity, (k) => byCell.get(k)).filter((o) => o.id !== r.id);
      expect(close.filter((o) => nameKey(o.name) === nameKey(r.name)).map((o) => o.id)).toEqual([]);
    }
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('carry medications from MOUD and OTP kind/methadone as documented', () => {
    for (const r of rows) {
      expect([...r.medications].sort()).toEqual([...new Set(r.medications)].sort());
      if (r.kind === 'otp') expect(r.medications).toContain('methadone');
    }
    const kinds = new Set(rows.map((r) => r.kind));
    expect(kinds).toEqual(new Set(['facility', 'otp']));
    expect(rows.filter((r) => r.kind === 'otp').length).toBeGreaterThan(1500);
    expect(rows.filter((r) => r.medications.includes('buprenorphine')).length).toBeGreaterThan(3500);
  });

  it('Denver 80202: ~48 SAMHSA facilities within 5 miles (data README), the nearest as in the provenance notes', () => {
    const hits = within('80202', 5);
    expect(hits.filter((h) => h.source === 'sut-2021').length).toBe(48);
    expect(hits.length).toBeGreaterThanOrEqual(48);
    expect(hits.length).toBeLessThanOrEqual(56); // + MOUD-only and OTP-only rows
    const coalition = hits.find((h) => /Colorado Coalition for the Homeless/.test(h.name) && /2111 Champa/.test(h.address));
    expect(coalition?.distanceMiles).toBeLessThan(0.7);
    expect(coalition?.medications).toEqual(['buprenorphine', 'naltrexone']);
    const cbhc = hits.find((h) => /2217 Champa/.test(h.address));
    expect(cbhc).toMatchObject({ kind: 'otp', medications: expect.arrayContaining(['methadone']) });
    expect(hits[0].distanceMiles).toBeLessThan(0.6); // Sobriety House, 2162 Lawrence St (0.5 mi)
  });

  it('Columbus 43215: ~26 SAMHSA facilities within 5 miles (data README)', () => {
    const hits = within('43215', 5);
    expect(hits.filter((h) => h.source === 'sut-2021').length).toBe(26);
    expect(hits.length).toBeGreaterThanOrEqual(26);
    expect(hits.length).toBeLessThanOrEqual(32);
    expect(hits[0].name).toMatch(/Southeast Healthcare/);
    expect(hits[0].distanceMiles).toBeLessThan(0.7);
    // CompDrug (547 E 11th Ave) is an OTP about 2.2 mi away (OTP provenance notes).
    expect(hits.find((h) => /547 E(ast)? 11th/.test(h.address))).toMatchObject({ kind: 'otp' });
  });
});

describe('validation reports bad rows', () => {
  const copy = () => structuredClone(resourcesJson);

  it('names the record and field of a bad latitude', () => {
    const data = copy();
    data.rows[5].lat = 123.45678;
    const problems = validateResources(data);
    expect(problems.join('\n')).toMatch(new RegExp(`record 5 \\("${data.rows[5].id}"\\): field lat:`));
  });

  it('reports coordinates outside the state box (Colorado row in the Atlantic)', () => {
    const data = copy();
    const i = data.rows.findIndex((r: ResourceRow) => r.state === 'CO');
    data.rows[i].lat = 30;
    data.rows[i].lon = -40;
    data.rows[i].cell = cellKey(30, -40);
    expect(validateResources(data).join('\n')).toMatch(new RegExp(`record ${i} .*field lat: 30,-40 is outside the bounding box for CO`));
  });

  it('reports a wrong cell key, an unknown state, a bad ZIP and an OTP without methadone', () => {
    const data = copy();
    data.rows[1].cell = '0:0';
    data.rows[2].state = 'GU';
    data.rows[3].zip = '8020';
    const otp = data.rows.findIndex((r: ResourceRow) => r.kind === 'otp');
    data.rows[otp].medications = [];
    const text = validateResources(data).join('\n');
    expect(text).toMatch(/record 1 .*field cell:/);
    expect(text).toMatch(/record 2 .*field state:/);
    expect(text).toMatch(/record 3 .*field zip:/);
    expect(text).toMatch(new RegExp(`record ${otp} .*field medications: an OTP must list methadone`));
  });

  it('reports duplicated places and ids', () => {
    const data = copy();
    data.rows.push({ ...data.rows[10] });
    data.rows.push({ ...data.rows[20], id: 'zzzzzzzz', address: data.rows[20].address.toUpperCase() });
    const text = validateResources(data).join('\n');
    expect(text).toMatch(/field id: duplicate of record 10/);
    expect(text).toMatch(/same normalised name\+address as record 20/);
  });

  it('reports bad ZIP points and state-law rows', () => {
    const zips = structuredClone(zipsJson);
    zips.points[2].lat = 123;
    expect(validateZipPoints(zips).join('\n')).toMatch(/record 2 \("\d{5}"\): field lat:/);
    const laws = structuredClone(lawsJson);
    laws.states[0].goodSamaritan.effective = '6/10/2015';
    expect(validateStateLaws(laws).join('\n')).toMatch(/record 0 .*goodSamaritan/);
  });
});

describe('state-laws.json', () => {
  const states = StateLawsFile.parse(lawsJson).states;
  const get = (s: string) => states.find((x) => x.state === s)!;

  it('has 50 states + DC, once each', () => {
    expect(states).toHaveLength(51);
    expect(new Set(states.map((s) => s.state)).size).toBe(51);
    expect(get('DC').name).toBe('District of Columbia');
  });

  it('keeps the source dates (spot checks from the provenance notes)', () => {
    expect(get('CO')).toMatchObject({
      goodSamaritan: { hasLaw: true, effective: '2012-05-29', arrestProtection: true, arrestProtectionEffective: '2016-08-10', asOf: '2021' },
      naloxoneAccess: { hasLaw: true, effective: '2013-06-01', pharmacistPrescribingEffective: '2021-09-01', asOf: '2022' },
      standingOrder: { hasLaw: true, effective: '2015-04-01' },
      syringeServicesLegal: { explicitlyAuthorized: true, asOf: '2019-08-01' },
    });
    expect(get('OH')).toMatchObject({
      goodSamaritan: { effective: '2016-09-13' },
      naloxoneAccess: { effective: '2014-04-01' },
      standingOrder: { effective: '2015-08-01' },
      syringeServicesLegal: { explicitlyAuthorized: true },
    });
    for (const s of ['KS', 'TX', 'WY']) expect(get(s).goodSamaritan).toMatchObject({ hasLaw: false, effective: null });
  });

  it('matches the raw CSV column by column', () => {
    const { records } = parseCsv(readFileSync('content-data/raw/us-state-harm-reduction-laws/state_overdose_laws.csv', 'utf8'));
    for (const { row } of records) {
      const s = get(row.state);
      expect(s.goodSamaritan.effective).toBe(usDate(row.gsl_any_effective_date));
      expect(s.goodSamaritan.arrestProtectionEffective).toBe(usDate(row.gsl_arrest_protection_effective_date));
      expect(s.naloxoneAccess.effective).toBe(usDate(row.naloxone_any_law_effective_date));
      expect(s.naloxoneAccess.pharmacistPrescribingEffective).toBe(usDate(row.naloxone_pharmacist_prescriptive_authority_effective_date));
      expect(s.standingOrder?.effective).toBe(usDate(row.naloxone_standing_or_protocol_order_effective_date));
      expect(s.pdmpMustAccess?.effective).toBe(usDate(row.pdmp_must_access_effective_date));
      expect(s.syringeServicesLegal?.explicitlyAuthorized).toBe(row.ssp_explicitly_authorized === '1');
      expect(s.syringeServicesLegal?.noLawRemovingSspBarriers).toBe(row.no_law_removing_ssp_barriers === '1');
    }
  });
});

describe('normalisation helpers', () => {
  it('cleans whitespace and fixes shouting case, keeping acronyms', () => {
    expect(clean('  590 Naamans Road  ')).toBe('590 Naamans Road');
    expect(clean('8 fl.-W. Wing, Mt. Sinai Campus,500 Blue Hills Ave')).toBe('8 fl.-W. Wing, Mt. Sinai Campus, 500 Blue Hills Ave');
    expect(fixCase('AMAZING GRACE CENTER INC', 12)).toBe('Amazing Grace Center Inc');
    expect(fixCase('B.N.J. HEALTH SERVICES, LLC (EASTON)', 12)).toBe('B.N.J. Health Services, LLC (Easton)');
    expect(fixCase('1950 TOWER HILL ROAD', 6, false)).toBe('1950 Tower Hill Road');
    expect(fixCase('3400 W 16TH ST STE P', 6, false)).toBe('3400 W 16th St Ste P');
    expect(fixCase('PORTSMOUTH', 4, false)).toBe('Portsmouth');
    expect(fixCase('SEARHC', 12)).toBe('SEARHC');
    expect(fixCase('VCPHCS XII LLC', 12)).toBe('VCPHCS XII LLC');
    expect(fixCase('Already Mixed Case', 3)).toBe('Already Mixed Case');
  });

  it('pads and cuts ZIPs to 5 digits', () => {
    expect(normZip('2108')).toBe('02108');
    expect(normZip('601')).toBe('00601');
    expect(normZip('80202-1234')).toBe('80202');
    expect(normZip('')).toBeNull();
    expect(normZip('ABCDE')).toBeNull();
  });

  it('normalises addresses and names for matching', () => {
    expect(addrKey('1124 International Blvd.')).toBe(addrKey('1124 International Boulevard'));
    expect(addrKey('555 SW 12th Avenue, Suite 100-101')).toBe(addrKey('555 SW 12th Avenue, Suites 100-101'));
    expect(addrKey('4224 Shuffield Drive, 4th Floor, Suite 4')).toBe(addrKey('4224 Shuffield Drive'));
    expect(addrKey('3250 E.40th St.')).toBe(addrKey('3250 East 40th Street, Suite B'));
    expect(addrKey('One Veterans Dr.')).toBe(addrKey('1 Veterans Drive'));
    expect(addrKey('- - -')).toBe('');
    expect(nameKey('Aegis Treatment Centers, LLC - Redlands')).toBe(nameKey('Aegis Treatment Centers LLC - Redlands'));
    expect(nameKey('Comprehensive Behav Health Ctr')).toBe(nameKey('Comprehensive Behavioral Health Center'));
    expect(unitOf('300 Copperfield Blvd. Stes 105')).toBe('105');
    expect(unitOf('2901 Druid Park Drive, Suites A-210')).toBe('a210');
    expect(joinNames('Crossroads Treatment Center of', 'Fort Worth PLLC')).toBe('Crossroads Treatment Center of Fort Worth PLLC');
    expect(joinNames('Bradford Health Services', 'Warrior')).toBe('Bradford Health Services - Warrior');
  });

  it('parses quoted CSV fields', () => {
    const { records, problems } = parseCsv('name,address\r\n"Smith, Jones ""and"" Co",1 Main St\r\nplain,"multi\nline"\r\n');
    expect(problems).toEqual([]);
    expect(records.map((r) => r.row)).toEqual([
      { name: 'Smith, Jones "and" Co', address: '1 Main St' },
      { name: 'plain', address: 'multi\nline' },
    ]);
    expect(parseCsv('a,b\n1,2,3\n').problems[0]).toMatch(/line 2: 3 fields, expected 2/);
  });
});

describe('the project stands alone', () => {
  const rawDirs = [
    'samhsa-sut-facilities-2021',
    'samhsa-moud-providers-2020',
    'samhsa-otp-directory-2019',
    'us-zcta-centroids',
    'us-state-harm-reduction-laws',
  ];

  it('keeps each raw source with its PROVENANCE.md in content-data/raw', () => {
    for (const d of rawDirs) {
      const files = readdirSync(join('content-data/raw', d));
      expect(files).toContain('PROVENANCE.md');
      expect(files.some((f) => f.endsWith('.csv'))).toBe(true);
    }
    expect(existsSync('content-data/resources/PROVENANCE.md')).toBe(true);
  });

  it('never reads the shared data folder', () => {
    expect(readFileSync('scripts/data-build.ts', 'utf8')).not.toMatch(/shared\/data|\.\.\/shared/);
  });
});

describe('coordinates', () => {
  let sample: ResourceRow[];
  beforeAll(() => {
    sample = rows.filter((r) => zipByCode.has(r.zip));
  });

  it('mostly sit near their own ZIP (repaired geocodes stay repaired)', () => {
    const far = sample.filter((r) => haversineMiles(r, zipByCode.get(r.zip)!) > 50);
    // Known and listed in PROVENANCE.md: huge Alaska ZCTAs (Anchorage 99503, Fairbanks 99701, Cordova),
    // a few wrong ZIPs in the OTP file, Auburn CA, Eagle Butte SD.
    expect(far.length).toBeLessThan(30);
    expect(far.every((r) => ['AK', 'CA', 'CT', 'NC', 'SD', 'TX'].includes(r.state))).toBe(true);
    const aama = rows.find((r) => /Selena Outpatient/.test(r.name));
    expect(aama && haversineMiles(aama, zipByCode.get('77011')!)).toBeLessThan(5);
  });
});
