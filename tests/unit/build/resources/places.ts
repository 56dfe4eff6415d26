/** Test places made the way the build makes them (makePlace), near Denver 80202 unless told. */
import { makePlace, type Dropped, type Place } from '../../../../build/resources/place';
import type { ResourceSourceId } from '../../../../src/data/resources/directory-schema';

type Fields = Parameters<typeof makePlace>[2];
const DENVER: Fields = { name1: 'Sobriety House', street1: '2162 Lawrence Street', city: 'Denver', state: 'CO', zip: '80205', lat: '39.7539', lon: '-104.9878' };

export function place(fields: Partial<Fields> = {}, source: ResourceSourceId = 'sut-2021', ref = `${source} line 2`): Place {
  const dropped: Dropped[] = [];
  const p = makePlace(ref, source, { ...DENVER, ...fields }, dropped);
  if (!p) throw new Error(`test place dropped: ${dropped.map((d) => d.reason).join(', ')}`);
  return p;
}

/** About `miles` north of `lat` (south when negative; 1 degree of latitude is ~69.05 mi). */
export const north = (lat: string, miles: number) => String(Number(lat) + miles / 69.05);
