/**
 * The law panel shows the reader's own state. Before, it showed the state of the nearest listed
 * program: a reader in Kansas City, Missouri (ZIP 64101), whose nearest program is across the line
 * in Kansas City, Kansas, was shown Kansas law.
 */
import { describe, expect, it } from 'vitest';
import { loadContentData } from '../../../build/load';
import { nearestPlaces, readerState } from '../../../src/data/resources/nearby';
import type { ResourceRow } from '../../../src/data/resources/schema';

const data = loadContentData('content-data');
const byCell = new Map<string, ResourceRow[]>();
for (const row of data.resources) byCell.set(row.cell, [...(byCell.get(row.cell) ?? []), row]);

async function nearest(zip: string, limit: number) {
  const origin = data.zipPoints.find((p) => p.zip === zip);
  if (!origin) throw new Error(`no ZIP point for ${zip}`);
  return (await nearestPlaces(origin, 'all', limit, async (cells) => cells.flatMap((c) => byCell.get(c) ?? []))).rows;
}

describe('readerState', () => {
  it('Kansas City, MO (64101): Missouri, although the nearest program is in Kansas', async () => {
    const rows = await nearest('64101', 3);
    expect(rows[0].state).toBe('KS');
    expect(readerState('64101', rows)).toBe('MO');
  });

  it.each([
    ['66044', 'KS'],
    ['66101', 'KS'],
    ['82001', 'WY'],
    ['79901', 'TX'],
  ])('%s: %s', async (zip, state) => {
    expect(readerState(zip, await nearest(zip, 3))).toBe(state);
  });

  it('every 3-digit ZIP area in the directory lies in one state (what the rule relies on)', () => {
    const states = new Map<string, Set<string>>();
    for (const row of data.resources) states.set(row.zip.slice(0, 3), (states.get(row.zip.slice(0, 3)) ?? new Set()).add(row.state));
    expect([...states.values()].filter((s) => s.size > 1)).toEqual([]);
  });

  it('falls back to the nearest program, and to nothing without programs', () => {
    expect(readerState('99999', [{ state: 'AK', zip: '99501' }])).toBe('AK');
    expect(readerState('99999', [])).toBeUndefined();
  });
});
