import { createModelDetector, type ModelDetector } from './model';
import { MODEL } from './model-data';

export type { Detection, Match, TopicId } from './types';
export { TOPICS } from './types';

let detector: ModelDetector | undefined;

/** The bundled English + Spanish detector (trained data; unpacked on the first page that needs it). */
export function bundledDetector(): ModelDetector {
  detector ??= createModelDetector(MODEL);
  return detector;
}
