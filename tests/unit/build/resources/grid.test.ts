import { describe, expect, it } from 'vitest';
import { Grid } from '../../../../build/resources/grid';
import { north, place } from './places';

describe('Grid', () => {
  it('returns the places themselves within a radius, nearest first, across cell borders', () => {
    const here = place();
    const near = place({ name1: 'Near', lat: north('39.7539', 0.1) });
    const far = place({ name1: 'Far', lat: north('39.7539', 30) });
    const grid = new Grid();
    for (const p of [far, near, here]) grid.add(p);
    const hits = grid.near({ lat: 39.7539, lon: -104.9878 }, 1);
    expect(hits).toEqual([here, near]);
    expect(hits[1]).toBe(near);
    expect(grid.near({ lat: 39.7539, lon: -104.9878 }, 40)).toHaveLength(3);
  });
});
