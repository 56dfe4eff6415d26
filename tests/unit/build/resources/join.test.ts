import { describe, expect, it } from 'vitest';
import { JOIN_MILES, PlaceIndex, findTargets, joinMoud, joinOtp, joinPlaces, sameDoor } from '../../../../build/resources/join';
import { north, place } from './places';

const zips = new Map([['80205', { lat: 39.7539, lon: -104.9878 }]]);
const never = () => false;
const moud = (fields: Parameters<typeof place>[0] = {}) => {
  const m = place(fields, 'moud-2020');
  m.meds.add('buprenorphine');
  return m;
};

describe('findTargets', () => {
  it('prefers the same name + street, then the same street with a similar name', () => {
    const facility = place();
    const other = place({ name1: 'Acadia Recovery', street1: '2162 Lawrence St' });
    const index = new PlaceIndex([facility, other]);
    expect(findTargets(moud({ name1: 'The Sobriety House, Inc.' }), index, never)).toEqual({ targets: [facility], tier: 'byNameAddress' });
    expect(findTargets(moud({ name1: 'Acadia Recovery Denver' }), index, never)).toEqual({ targets: [other], tier: 'byAddressSimilarName' });
  });

  it('then the same house number with a similar name, then a similar name within 100 m, then the fallback', () => {
    const facility = place({ name1: 'Acadia Recovery', street1: '2162 Lawrence Street, Suite 5' });
    const index = new PlaceIndex([facility]);
    const sameNumber = moud({ name1: 'Acadia Denver', street1: '2162 Larimer Street', lat: north('39.7539', 0.2) });
    expect(findTargets(sameNumber, index, never).tier).toBe('byNumberSimilarName');
    const close = moud({ name1: 'Acadia Denver', street1: '2170 Larimer Street', lat: north('39.7539', JOIN_MILES / 2) });
    expect(findTargets(close, index, never).tier).toBe('byCoordsSimilarName');
    const renamed = moud({ name1: 'Baymark', street1: '2170 Larimer Street', lat: north('39.7539', JOIN_MILES / 2) });
    expect(findTargets(renamed, index, never)).toEqual({ targets: [] });
    expect(findTargets(renamed, index, (c, miles) => c === facility && miles <= JOIN_MILES)).toEqual({ targets: [facility], tier: 'byCoordsOnly' });
  });
});

describe('sameDoor', () => {
  it('needs the same house number and not two different suites', () => {
    expect(sameDoor(place({ street1: '1570 South Main St' }), place({ street1: '1570 S Main Street' }))).toBe(true);
    expect(sameDoor(place({ street1: '1570 Main St, Suite 1' }), place({ street1: '1570 Main St, Suite 2' }))).toBe(false);
    expect(sameDoor(place({ street1: '1570 Main St, Suite 1' }), place({ street1: '1570 Main St' }))).toBe(true);
    expect(sameDoor(place({ street1: '1570 Main St' }), place({ street1: '1571 Main St' }))).toBe(false);
  });
});

describe('joins', () => {
  it('joinPlaces counts tiers, lists coordinate-only joins and returns the unmatched', () => {
    const facility = place();
    const applied: string[] = [];
    const renamed = moud({ name1: 'Baymark', lat: north('39.7539', JOIN_MILES / 2) });
    const lonely = moud({ name1: 'Far Away', street1: '9 Elm St', lat: north('39.7539', 5) });
    const { stats, unmatched } = joinPlaces([moud(), renamed, lonely], new PlaceIndex([facility]), () => true, (p, t) => applied.push(`${p.name}->${t[0].name}`));
    expect(stats).toMatchObject({ byNameAddress: 1, byCoordsOnly: 1, unmatched: 1 });
    expect(stats.examplesCoordsOnly).toEqual(['Baymark, 2162 Lawrence Street -> Sobriety House, 2162 Lawrence Street']);
    expect(unmatched).toEqual([lonely]);
    expect(applied).toEqual(['Sobriety House->Sobriety House', 'Baymark->Sobriety House']);
  });

  it('MOUD: medications go to the facility; a different name joins by location only at the same door, once', () => {
    const facility = place();
    const index = new PlaceIndex([facility]);
    const first = moud({ name1: 'Baymark', lat: north('39.7539', JOIN_MILES / 2) });
    const second = moud({ name1: 'Crossroads', lat: north('39.7539', JOIN_MILES / 3) });
    const { stats, unmatched } = joinMoud([first, second], index);
    expect(stats.byCoordsOnly).toBe(1);
    expect(unmatched).toEqual([second]); // the facility already has its MOUD match
    expect([...facility.meds]).toEqual(['buprenorphine']);
    expect(facility.sources).toEqual(['sut-2021', 'moud-2020']);
    const nextDoor = moud({ name1: 'Baymark', street1: '2170 Lawrence Street', lat: north('39.7539', JOIN_MILES / 2) });
    expect(joinMoud([nextDoor], new PlaceIndex([place()])).unmatched).toEqual([nextDoor]);
  });

  it('OTP: merges into a place nearby that offers methadone, not into one that does not', () => {
    const otp = place({ name1: 'BHG XXV, LLC', street1: '2170 Lawrence Street', lat: north('39.7539', JOIN_MILES / 2) }, 'otp-2019');
    otp.otp = true;
    otp.meds.add('methadone');
    const plain = place();
    expect(joinOtp([otp], new PlaceIndex([plain]), zips).unmatched).toEqual([otp]);
    const methadone = place();
    methadone.meds.add('methadone');
    expect(joinOtp([otp], new PlaceIndex([methadone]), zips).stats.byCoordsOnly).toBe(1);
    expect(methadone).toMatchObject({ otp: true, sources: ['sut-2021', 'otp-2019'] });
  });
});
