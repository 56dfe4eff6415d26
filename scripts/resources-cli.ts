/**
 * `npm run --silent resources -- near ZIP [--type all|buprenorphine|methadone|naltrexone] [--limit N]`
 * For data maintainers: one JSON object per line, nearest first, from the bundled directory
 * (same grid search as the extension, over content-data/ in memory).
 */
import { readFileSync } from 'node:fs';
import { ResourcesFile, StateLawsFile } from '../src/data/resources/directory-schema';
import { nearestPlaces, RESOURCE_TYPES, type ResourceType } from '../src/data/resources/nearby';
import { ZipPointsFile, type ResourceRow } from '../src/data/resources/schema';

const args = process.argv.slice(2).filter((a) => a !== '--');
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const [command, zip] = args;
const type = (option('type') ?? 'all') as ResourceType;
const limit = Number(option('limit') ?? 10);
if (command !== 'near' || !/^\d{5}$/.test(zip ?? '') || !RESOURCE_TYPES.includes(type) || !(limit > 0)) {
  console.error(`usage: npm run --silent resources -- near ZIP [--type ${RESOURCE_TYPES.join('|')}] [--limit N]`);
  process.exit(2);
}

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const resources = ResourcesFile.parse(json('content-data/resources/resources.json'));
const laws = StateLawsFile.parse(json('content-data/resources/state-laws.json'));
const origin = ZipPointsFile.parse(json('content-data/zip-points/zip-points.json')).points.find((p) => p.zip === zip);
if (!origin) {
  console.error(`ZIP ${zip} has no centre point in the offline data (PO-box or unique ZIPs have none). Try a nearby ZIP.`);
  process.exit(1);
}
const byCell = new Map<string, ResourceRow[]>();
for (const row of resources.rows) byCell.set(row.cell, [...(byCell.get(row.cell) ?? []), row]);

const { rows } = await nearestPlaces(origin, type, limit, async (cells) => cells.flatMap((cell) => byCell.get(cell) ?? []));
for (const r of rows) {
  const law = laws.states.find((s) => s.state === r.state);
  console.log(
    JSON.stringify({
      name: r.name,
      address: r.address,
      city: r.city,
      state: r.state,
      distance_mi: Math.round(r.distanceMiles * 100) / 100,
      types: [...(r.kind === 'otp' ? ['otp'] : ['facility']), ...r.medications],
      asOf: resources.dataDate,
      ...(law ? { stateLawsAsOf: law.asOf } : {}),
    }),
  );
}
