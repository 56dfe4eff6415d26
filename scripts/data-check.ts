/**
 * `npm run data:check`: validate every bundled content-data file with the same zod schemas and
 * cross-checks the build uses (build/load.ts), without building. Exits 1 with the first problems.
 */
import { loadContentData } from '../build/load';

try {
  const data = loadContentData('content-data');
  console.log(`content-data is valid: ${data.evidence.length} evidence cards, ${data.helplines.length} helplines, ${data.resources.length} places, ${data.zipPoints.length} ZIP points, version ${data.version}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
