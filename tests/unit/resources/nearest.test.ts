import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CELL_DEG, cellKey, cellsWithin, haversineMiles, indexByCell, nearest, type LatLon } from '../../../src/shared/geo/nearest';

interface Row extends LatLon {
  id: string;
  cell?: string;
}

/** Small deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bruteForce<R extends LatLon & { id: string }>(rows: R[], origin: LatLon, radius: number, limit: number) {
  return rows
    .map((r) => ({ ...r, distanceMiles: haversineMiles(origin, r) }))
    .filter((r) => r.distanceMiles <= radius)
    .sort((a, b) => a.distanceMiles - b.distanceMiles || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}

const resources: Row[] = JSON.parse(readFileSync('content-data/resources/resources.json', 'utf8')).rows;
const cells = indexByCell(resources);

describe('cellKey', () => {
  it('buckets by a 0.25-degree grid', () => {
    expect(CELL_DEG).toBe(0.25);
    expect(cellKey(39.75, -105.0)).toBe('159:-420');
    expect(cellKey(39.999, -104.751)).toBe('159:-420');
    expect(cellKey(40.0, -105.0)).toBe('160:-420');
    expect(cellKey(0, 0)).toBe('0:0');
    expect(cellKey(-0.1, -0.1)).toBe('-1:-1');
  });

  it('wraps longitude and keeps the poles in range', () => {
    expect(cellKey(10, 180)).toBe(cellKey(10, -180));
    expect(cellKey(10, 190)).toBe(cellKey(10, -170));
    expect(cellKey(90, 0)).toBe('359:0');
  });
});

describe('haversineMiles', () => {
  it('matches known distances', () => {
    expect(haversineMiles({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(69.09, 1);
    expect(haversineMiles({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(69.09, 1);
    // New York City Hall -> Los Angeles City Hall, about 2,445 miles great-circle.
    const d = haversineMiles({ lat: 40.7128, lon: -74.006 }, { lat: 34.0537, lon: -118.2428 });
    expect(d).toBeGreaterThan(2440);
    expect(d).toBeLessThan(2450);
  });

  it('is symmetric and zero for the same point', () => {
    const a = { lat: 39.751526, lon: -104.997673 };
    const b = { lat: 39.966856, lon: -83.01296 };
    expect(haversineMiles(a, a)).toBe(0);
    expect(haversineMiles(a, b)).toBeCloseTo(haversineMiles(b, a), 9);
  });
});

describe('cellsWithin', () => {
  it('covers the cell of every point inside the radius (random points, incl. Alaska and near the antimeridian)', () => {
    const rand = rng(7);
    const origins = [
      { lat: 39.75, lon: -105 },
      { lat: 64.84, lon: -147.72 },
      { lat: 18.4, lon: -66.06 },
      { lat: 52.0, lon: 179.9 },
      { lat: 71.29, lon: -156.78 },
    ];
    for (const origin of origins) {
      for (const radius of [0.05, 1, 5, 25, 100]) {
        const keys = new Set(cellsWithin(origin, radius));
        expect(keys.has(cellKey(origin.lat, origin.lon))).toBe(true);
        for (let i = 0; i < 300; i++) {
          // A point at a random bearing and distance < radius.
          const bearing = rand() * 2 * Math.PI;
          const dist = rand() * radius;
          const dLat = (dist / 69.09) * Math.cos(bearing);
          const lat = origin.lat + dLat;
          const lon = origin.lon + ((dist / 69.09) * Math.sin(bearing)) / Math.cos((lat * Math.PI) / 180);
          const p = { lat, lon: lon > 180 ? lon - 360 : lon };
          if (haversineMiles(origin, p) <= radius) expect(keys.has(cellKey(p.lat, p.lon))).toBe(true);
        }
      }
    }
  });

  it('stays small: a 5-mile search reads a handful of cells, not the country', () => {
    const keys = cellsWithin({ lat: 39.751526, lon: -104.997673 }, 5);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.length).toBeLessThanOrEqual(9);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('returns nothing for a negative radius or a non-finite origin', () => {
    expect(cellsWithin({ lat: 40, lon: -100 }, -1)).toEqual([]);
    expect(cellsWithin({ lat: Number.NaN, lon: -100 }, 5)).toEqual([]);
  });
});

describe('nearest', () => {
  it('equals a brute-force scan of resources.json on random origins, radii and limits', () => {
    const rand = rng(42);
    for (let i = 0; i < 60; i++) {
      // Half the origins on a real row (dense areas), half anywhere in the contiguous US box.
      const base = resources[Math.floor(rand() * resources.length)];
      const origin =
        i % 2 === 0
          ? { lat: base.lat + (rand() - 0.5) * 0.2, lon: base.lon + (rand() - 0.5) * 0.2 }
          : { lat: 25 + rand() * 24, lon: -124 + rand() * 57 };
      const radius = [1, 5, 10, 25, 60][i % 5];
      const limit = [1, 5, 20, 1000][i % 4];
      const got = nearest(origin, radius, limit, (k) => cells.get(k));
      const want = bruteForce(resources, origin, radius, limit);
      expect(got.map((r) => r.id)).toEqual(want.map((r) => r.id));
      got.forEach((r, j) => expect(r.distanceMiles).toBeCloseTo(want[j].distanceMiles, 9));
    }
  }, 120_000); // correctness over 60 random queries, not speed: a loaded CI machine needs more than 20 s

  it('only reads the cells overlapping the radius', () => {
    const origin = { lat: 39.966856, lon: -83.01296 };
    const read: string[] = [];
    const hits = nearest(origin, 5, 100, (k) => {
      read.push(k);
      return cells.get(k);
    });
    expect(read.sort()).toEqual(cellsWithin(origin, 5).sort());
    expect(read.length).toBeLessThan(cells.size / 100);
    expect(hits.length).toBeGreaterThan(10);
  });

  it('sorts by distance, respects radius and limit, and leaves the rows untouched', () => {
    const origin = { lat: 39.751526, lon: -104.997673 };
    const hits = nearest(origin, 10, 15, (k) => cells.get(k));
    expect(hits).toHaveLength(15);
    for (let i = 1; i < hits.length; i++) expect(hits[i].distanceMiles).toBeGreaterThanOrEqual(hits[i - 1].distanceMiles);
    expect(hits.every((h) => h.distanceMiles <= 10)).toBe(true);
    expect(resources.some((r) => 'distanceMiles' in r)).toBe(false);
  });

  it('finds rows across the antimeridian', () => {
    const rows: Row[] = [
      { id: 'east', lat: 52, lon: 179.95 },
      { id: 'west', lat: 52, lon: -179.95 },
      { id: 'far', lat: 52, lon: -175 },
    ];
    const byCell = indexByCell(rows);
    const hits = nearest({ lat: 52, lon: 179.99 }, 10, 10, (k) => byCell.get(k));
    expect(hits.map((h) => h.id)).toEqual(['east', 'west']);
  });

  it('handles empty results and zero limits', () => {
    const get = (k: string) => cells.get(k);
    expect(nearest({ lat: 0, lon: -140 }, 50, 10, get)).toEqual([]);
    expect(nearest({ lat: 39.75, lon: -105 }, 5, 0, get)).toEqual([]);
  });
});
