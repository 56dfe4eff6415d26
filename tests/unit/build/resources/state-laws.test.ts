import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../build/resources/csv';
import { RAW, RAW_DIR } from '../../../../build/resources/raw';
import { buildStateLaws, usDate } from '../../../../build/resources/state-laws';
import { StateLawsFile } from '../../../../src/data/resources/directory-schema';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const lawsJson = readJson('content-data/resources/state-laws.json');

describe('buildStateLaws', () => {
  it('makes the committed state-laws.json from the raw table', () => {
    expect(buildStateLaws(RAW_DIR)).toEqual(lawsJson);
  });

  it('fails on a flag that is not 0 or 1, naming the line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'laws-'));
    try {
      const csv = readFileSync(join(RAW_DIR, RAW.laws), 'utf8').split('\n');
      const head = csv[0].split(',');
      const row = csv[1].split(',');
      row[head.indexOf('ssp_explicitly_authorized')] = 'yes';
      mkdirSync(join(dir, dirname(RAW.laws)), { recursive: true });
      writeFileSync(join(dir, RAW.laws), [csv[0], row.join(',')].join('\n'));
      expect(() => buildStateLaws(dir)).toThrow(`${RAW.laws} line 2: expected 0 or 1, got "yes"`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('usDate', () => {
  it('turns M/D/YYYY into YYYY-MM-DD, empty into null, and refuses anything else', () => {
    expect(usDate('6/10/2015')).toBe('2015-06-10');
    expect(usDate(' ')).toBeNull();
    expect(() => usDate('2015-06-10')).toThrow('not an M/D/YYYY date: "2015-06-10"');
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
