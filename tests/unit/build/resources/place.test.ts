import { describe, expect, it } from 'vitest';
import { makePlace, type Dropped } from '../../../../build/resources/place';
import { place } from './places';

describe('makePlace', () => {
  it('cleans the row and keys it for matching', () => {
    const p = place({ name1: 'AMAZING GRACE CENTER INC', name2: 'DENVER OFFICE', street1: '- - -', street2: 'Suite 4', city: 'Denver, CO', zip: '80205-1234' });
    expect(p).toMatchObject({
      name: 'Amazing Grace Center Inc - Denver Office',
      address: 'Suite 4',
      city: 'Denver',
      state: 'CO',
      zip: '80205',
      lat: 39.7539,
      lon: -104.9878,
      nameK: 'amazing grace center',
      fullK: 'amazing grace center denver office',
      sources: ['sut-2021'],
      otp: false,
      ref: 'sut-2021 line 2',
    });
    expect(p.meds.size).toBe(0);
  });

  it('drops a second name the first already says', () => {
    expect(place({ name1: 'Bradford Health Services Warrior', name2: 'Warrior' }).name).toBe('Bradford Health Services Warrior');
  });

  it('drops invalid rows and says why', () => {
    const dropped: Dropped[] = [];
    const row = { name1: 'Clinic', street1: '1 Main St', city: 'Denver', state: 'CO', zip: '80205', lat: '39.75', lon: '-104.98' };
    const bad = [
      { ...row, name1: 'X' },
      { ...row, state: 'GU' },
      { ...row, city: '' },
      { ...row, zip: 'ABC' },
      { ...row, lat: '' },
      { ...row, lat: '30', lon: '-40' },
    ];
    for (const [i, f] of bad.entries()) expect(makePlace(`sut-2021 line ${i}`, 'sut-2021', f, dropped)).toBeNull();
    expect(dropped.map((d) => d.reason)).toEqual([
      'no name',
      'state "GU" is outside the covered area (50 states, DC, PR)',
      'no city',
      'bad ZIP "ABC"',
      'no coordinates',
      'coordinates 30,-40 outside the CO bounding box',
    ]);
    expect(dropped[3]).toEqual({ ref: 'sut-2021 line 3', reason: 'bad ZIP "ABC"', what: 'Clinic, 1 Main St, Denver CO ABC' });
  });
});
