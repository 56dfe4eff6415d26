/** The build's own checks on its outputs, beyond the zod schemas (also run on committed files by the tests). */
import { describeZodError } from '../errors';
import { ResourcesFile, StateLawsFile, inUsOrTerritoryBoxes } from '../../src/data/resources/directory-schema';
import { ZipPointsFile } from '../../src/data/resources/schema';
import { haversineMiles, nearest } from '../../src/shared/geo/nearest';
import { nameKey, placeKey } from './normalise';
import { STATES } from './place';
import { DUP_NAME_MILES, SAME_ADDRESS_MILES } from './same-place';

/**
 * Every problem with a resources file: schema (state, ZIP, coordinates inside the US boxes, cell
 * key, medications), duplicate ids, and the de-duplication rules. Empty = valid.
 */
export function validateResources(data: unknown, file = 'content-data/resources/resources.json'): string[] {
  const parsed = ResourcesFile.safeParse(data);
  if (!parsed.success) return describeZodError(file, parsed.error, data, 'rows').split('\n');
  const problems: string[] = [];
  const rows = parsed.data.rows;
  const ids = new Map<string, number>();
  const keys = new Map<string, number[]>();
  const cells = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (ids.has(r.id)) problems.push(`${file}: record ${i} ("${r.id}"): field id: duplicate of record ${ids.get(r.id)}`);
    ids.set(r.id, i);
    const k = placeKey(r);
    for (const j of keys.get(k) ?? []) {
      if (rows[j].zip === r.zip || haversineMiles(rows[j], r) <= SAME_ADDRESS_MILES) {
        problems.push(`${file}: record ${i} ("${r.id}"): same normalised name+address as record ${j} ("${rows[j].id}")`);
      }
    }
    keys.set(k, [...(keys.get(k) ?? []), i]);
    cells.set(r.cell, [...(cells.get(r.cell) ?? []), i]);
  });
  rows.forEach((r, i) => {
    const same = nearest(r, DUP_NAME_MILES, Infinity, (k) => (cells.get(k) ?? []).map((j) => ({ ...rows[j], j })));
    for (const o of same) {
      if (o.j > i && nameKey(o.name) === nameKey(r.name)) {
        problems.push(`${file}: record ${o.j} ("${o.id}"): same name as record ${i} ("${r.id}") within 50 m`);
      }
    }
  });
  return problems;
}

export function validateZipPoints(data: unknown, file = 'content-data/zip-points/zip-points.json'): string[] {
  const parsed = ZipPointsFile.safeParse(data);
  if (!parsed.success) return describeZodError(file, parsed.error, data, 'points').split('\n');
  const problems: string[] = [];
  const seen = new Set<string>();
  parsed.data.points.forEach((p, i) => {
    if (seen.has(p.zip)) problems.push(`${file}: record ${i} ("${p.zip}"): duplicate ZIP`);
    seen.add(p.zip);
    if (!inUsOrTerritoryBoxes(p.lat, p.lon)) {
      problems.push(`${file}: record ${i} ("${p.zip}"): field lat: ${p.lat},${p.lon} is outside the US boxes`);
    }
  });
  return problems;
}

export function validateStateLaws(data: unknown, file = 'content-data/resources/state-laws.json'): string[] {
  const parsed = StateLawsFile.safeParse(data);
  if (!parsed.success) return describeZodError(file, parsed.error, data, 'states').split('\n');
  const problems: string[] = [];
  const seen = new Set<string>();
  parsed.data.states.forEach((s, i) => {
    if (seen.has(s.state)) problems.push(`${file}: record ${i} ("${s.state}"): duplicate state`);
    seen.add(s.state);
    if (!STATES.has(s.state)) problems.push(`${file}: record ${i} ("${s.state}"): field state: not a US state code`);
  });
  return problems;
}
