/**
 * `npx tsx scripts/data-build.ts [--verbose]` (npm run data:build): rebuilds the offline
 * local-resources data from the raw public datasets in content-data/raw/ (copies of the originals,
 * each with its PROVENANCE.md; nothing outside the repo is read):
 *
 *   content-data/resources/resources.json    facilities + opioid treatment programs, with medications
 *   content-data/zip-points/zip-points.json  every ZIP (ZCTA) centre point
 *   content-data/resources/state-laws.json   per-state overdose / naloxone / syringe law dates
 *   content-data/resources/PROVENANCE.md     sources, licences, dates, row counts in/out, drops
 *
 * The build itself lives in build/resources/ (steps in resources.ts). Nothing is written unless
 * every output validates.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataFiles } from '../build/resources/outputs';
import { RAW_DIR, ROOT } from '../build/resources/raw';

const out = (p: string) => join(ROOT, 'content-data', p);
try {
  const currentZips = JSON.parse(readFileSync(out('zip-points/zip-points.json'), 'utf8'));
  const build = buildDataFiles(RAW_DIR, currentZips, process.argv.includes('--verbose'));
  if (build.problems.length) {
    console.error(`data-build: ${build.problems.length} problems, nothing written:\n${build.problems.slice(0, 200).join('\n')}`);
    process.exit(1);
  }
  mkdirSync(out('resources'), { recursive: true });
  for (const file of build.files) writeFileSync(out(file.path), file.text);
  console.log(build.summary.join('\n'));
} catch (e) {
  console.error(`data-build failed: ${(e as Error).message}`);
  process.exit(1);
}
