import type { ReferenceDataset } from '../../src/data/dataset';
import { loadContentData } from '../../build/load';

let full: ReferenceDataset | undefined;

/**
 * The real bundled dataset with the big tables cut down (fake-indexeddb is slow with 50,000 rows;
 * seeding logic does not depend on size). Keeps every ZIP and row the tests refer to.
 */
export function smallDataset(): ReferenceDataset {
  full ??= loadContentData('content-data');
  const keepZips = new Set(['80202', '80204', '43215', '43201', '10001']);
  return {
    ...full,
    zipPoints: full.zipPoints.filter((z) => keepZips.has(z.zip)),
    resources: full.resources.filter((r) => r.state === 'CO' || r.state === 'OH'),
  };
}
