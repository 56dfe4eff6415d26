import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESOURCE_SOURCE_INFO } from '../../../../build/resources/resources';
import { nameKey, placeKey } from '../../../../build/resources/normalise';
import {
  RESOURCE_SOURCES,
  ResourcesFile,
  US_STATE_CODES,
  inUsBoxes,
  type ResourceRow,
} from '../../../../src/data/resources/directory-schema';
import { ZipPointsFile } from '../../../../src/data/resources/schema';
import { cellKey, haversineMiles, indexByCell, nearest } from '../../../../src/shared/geo/nearest';

// The committed resources.json is what buildResources makes from content-data/raw (outputs.test.ts);
// these tests check what the build promises about its rows.
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const resourcesJson = readJson('content-data/resources/resources.json');
const rows: ResourceRow[] = ResourcesFile.parse(resourcesJson).rows;
const zipByCode = new Map(ZipPointsFile.parse(readJson('content-data/zip-points/zip-points.json')).points.map((p) => [p.zip, p]));
const byCell = indexByCell(rows);
const within = (zip: string, miles: number) => nearest(zipByCode.get(zip)!, miles, Infinity, (k) => byCell.get(k));

describe('resources.json header', () => {
  it('names every source with its rows as primary source', () => {
    const sources = ResourcesFile.parse(resourcesJson).sources ?? [];
    expect(sources.map((s) => s.id)).toEqual([...RESOURCE_SOURCES]);
    for (const s of sources) {
      expect(s).toMatchObject(RESOURCE_SOURCE_INFO[s.id]);
      expect(s.rows).toBe(rows.filter((r) => r.source === s.id).length);
    }
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
