import { describe, expect, it } from 'vitest';
import { REVIEWED_BAD_COORDS, SUSPECT_MILES, repairCoords, type CoordRepair } from '../../../../build/resources/coords';
import { north, place } from './places';

const zips = new Map([['80205', { lat: 39.7539, lon: -104.9878 }]]);
const farLat = north('39.7539', -(SUSPECT_MILES + 20)); // south: still inside Colorado

function run(places: ReturnType<typeof place>[], reviewed: Record<string, string> = {}) {
  const repairs: CoordRepair[] = [];
  const kept: CoordRepair[] = [];
  repairCoords(places, zips, repairs, kept, reviewed);
  return { repairs, kept };
}

describe('repairCoords', () => {
  it('takes the coordinates of another row at the same street and ZIP that agrees with the ZIP', () => {
    const good = place({}, 'sut-2021', 'sut-2021 line 2');
    const bad = place({ lat: farLat }, 'moud-2020', 'moud-2020 line 9');
    const { repairs, kept } = run([good, bad]);
    expect(bad).toMatchObject({ lat: good.lat, lon: good.lon });
    expect(repairs).toEqual([expect.objectContaining({ ref: 'moud-2020 line 9', fromMiles: 70, how: 'coordinates of sut-2021 line 2 (same street and ZIP)' })]);
    expect(kept).toEqual([]);
  });

  it('uses the ZIP centre for a reviewed row, keeps (and lists) an unreviewed one', () => {
    const reviewed = place({ lat: farLat });
    const other = place({ name1: 'Other', street1: '9 Elm St', lat: farLat }, 'otp-2019', 'otp-2019 line 4');
    const { repairs, kept } = run([reviewed, other], { '80205|2162 lawrence st': 'checked by hand' });
    expect(reviewed).toMatchObject({ lat: 39.7539, lon: -104.9878 });
    expect(repairs[0].how).toBe('ZIP 80205 centre point (reviewed: checked by hand)');
    expect(other.lat).toBe(Number(farLat));
    expect(kept).toEqual([expect.objectContaining({ ref: 'otp-2019 line 4', how: 'kept as is' })]);
  });

  it('leaves rows near their ZIP alone and fails on a stale review entry', () => {
    const ok = place();
    expect(run([ok])).toEqual({ repairs: [], kept: [] });
    expect(() => run([ok], { '80205|1 nowhere rd': 'gone' })).toThrow(/REVIEWED_BAD_COORDS entries that match no suspect row \(stale\?\): 80205\|1 nowhere rd/);
  });

  it('keys every reviewed entry by 5-digit ZIP and normalised street, with a reason', () => {
    for (const [key, why] of Object.entries(REVIEWED_BAD_COORDS)) {
      expect(key).toMatch(/^\d{5}\|[a-z0-9 ]+$/);
      expect(why.length).toBeGreaterThan(20);
    }
  });
});
