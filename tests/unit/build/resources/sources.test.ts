import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RAW } from '../../../../build/resources/raw';
import { MAX_DROPPED, loadSources } from '../../../../build/resources/sources';

const SUT_HEAD = 'name1,name2,street1,street2,city,state,zip,zip4,county,latitude,longitude';
const MOUD_HEAD = 'name1,name2,street1,street2,city,state,zip,zip4,category,county_geoid,county_name,source,latitude,longitude';
const OTP_HEAD = 'name,address,city,state,zip,latitude,longitude';

let dir = '';
function raw(sut: string[], moud: string[], otp: string[]) {
  for (const [file, head, rows] of [[RAW.sut, SUT_HEAD, sut], [RAW.moud, MOUD_HEAD, moud], [RAW.otp, OTP_HEAD, otp]] as const) {
    mkdirSync(join(dir, dirname(file)), { recursive: true });
    writeFileSync(join(dir, file), [head, ...rows].join('\n'));
  }
}
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sources-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadSources', () => {
  it('reads each dataset as places: MOUD rows carry their medication, OTPs methadone', () => {
    raw(
      ['Sobriety House,,2162 Lawrence Street,,Denver,CO,80205,,Denver,39.7539,-104.9878'],
      ['Sobriety House,,2162 Lawrence Street,,Denver,CO,80205,,buprenorphine,,,SAMHSA,39.7539,-104.9878'],
      ['CBHC,2217 Champa St,Denver,CO,80205,39.7521,-104.9853'],
    );
    const { stats, places } = loadSources(dir);
    expect(stats.map((s) => [s.id, s.rowsIn, s.dropped.length])).toEqual([['sut-2021', 1, 0], ['moud-2020', 1, 0], ['otp-2019', 1, 0]]);
    expect(places[0][0]).toMatchObject({ name: 'Sobriety House', ref: 'sut-2021 line 2', otp: false });
    expect([...places[1][0].meds]).toEqual(['buprenorphine']);
    expect(places[2][0]).toMatchObject({ name: 'CBHC', otp: true, sources: ['otp-2019'] });
    expect([...places[2][0].meds]).toEqual(['methadone']);
  });

  it('drops a MOUD row with an unknown medication, and lists it', () => {
    raw([], ['Clinic,,1 Main St,,Denver,CO,80205,,lofexidine,,,SAMHSA,39.75,-104.98'], []);
    const { stats, places } = loadSources(dir);
    expect(places[1]).toEqual([]);
    expect(stats[1].dropped).toEqual([{ ref: 'moud-2020 line 2', reason: 'unknown medication "lofexidine"', what: 'Clinic' }]);
  });

  it(`fails when one dataset has more than ${MAX_DROPPED} invalid rows, listing them`, () => {
    const bad = Array.from({ length: MAX_DROPPED + 1 }, (_, i) => `Clinic ${i},,1 Main St,,Denver,CO,ABC,,Denver,39.75,-104.98`);
    raw(bad, [], []);
    expect(() => loadSources(dir)).toThrow(new RegExp(`^sut-2021: ${MAX_DROPPED + 1} invalid rows \\(more than ${MAX_DROPPED}\\):\\n  sut-2021 line 2: bad ZIP "ABC"`));
    raw(bad.slice(1), [], []);
    expect(loadSources(dir).stats[0].dropped).toHaveLength(MAX_DROPPED);
  });
});
