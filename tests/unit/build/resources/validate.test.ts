import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateResources, validateStateLaws, validateZipPoints } from '../../../../build/resources/validate';
import type { ResourceRow } from '../../../../src/data/resources/directory-schema';
import { cellKey } from '../../../../src/shared/geo/nearest';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const resourcesJson = readJson('content-data/resources/resources.json');
const zipsJson = readJson('content-data/zip-points/zip-points.json');
const lawsJson = readJson('content-data/resources/state-laws.json');

describe('committed outputs', () => {
  it('pass the build validation', () => {
    expect(validateResources(resourcesJson)).toEqual([]);
    expect(validateZipPoints(zipsJson)).toEqual([]);
    expect(validateStateLaws(lawsJson)).toEqual([]);
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

describe('validation reports duplicates', () => {
  it('a repeated ZIP point and a repeated or unknown state', () => {
    const zips = structuredClone(zipsJson);
    zips.points.push({ ...zips.points[0] });
    expect(validateZipPoints(zips)).toEqual([`content-data/zip-points/zip-points.json: record ${zips.points.length - 1} ("${zips.points[0].zip}"): duplicate ZIP`]);
    const laws = structuredClone(lawsJson);
    laws.states.push(structuredClone(laws.states[0]));
    expect(validateStateLaws(laws).join('\n')).toMatch(/record 51 \("\w\w"\): duplicate state/);
    expect(validateResources({ rows: 'nope' }, 'x.json')[0]).toMatch(/^x\.json/);
  });
});
