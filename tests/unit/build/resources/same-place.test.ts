import { describe, expect, it } from 'vitest';
import { DUP_NAME_MILES, dedupe, merge } from '../../../../build/resources/same-place';
import { north, place } from './places';

const zips = new Map([['80205', { lat: 39.7539, lon: -104.9878 }]]);

describe('merge', () => {
  it('unions medications and sources, keeps OTP status, fills a missing address and keeps the coordinates that agree with the ZIP', () => {
    const into = place({ street1: '', lat: north('39.7539', 5) });
    const from = place({}, 'otp-2019');
    from.otp = true;
    from.meds.add('methadone');
    merge(into, from, zips);
    expect(into).toMatchObject({ otp: true, address: '2162 Lawrence Street', addrK: '2162 lawrence st', sources: ['sut-2021', 'otp-2019'], lat: 39.7539 });
    expect([...into.meds]).toEqual(['methadone']);
  });
});

describe('dedupe', () => {
  it('merges the same name + street (same ZIP or within 2 mi) and the same name within 50 m', () => {
    const a = place();
    const sameStreet = place({ name1: 'SOBRIETY HOUSE INC', street1: '2162 LAWRENCE ST, SUITE 2', lat: north('39.7539', 1.5) });
    const sameName = place({ street1: '2170 Lawrence Street', lat: north('39.7539', DUP_NAME_MILES / 2) });
    const elsewhere = place({ street1: '500 Main Street', lat: north('39.7539', 3) });
    const { kept, merged } = dedupe([a, sameStreet, sameName, elsewhere], zips);
    expect(kept).toEqual([a, elsewhere]);
    expect(merged).toBe(2);
  });

  it('keeps one name at two streets far apart as two places', () => {
    const a = place();
    const b = place({ street1: '2162 Lawrence Street', zip: '80202', lat: north('39.7539', 3) });
    expect(dedupe([a, b], zips).kept).toHaveLength(2);
  });
});
