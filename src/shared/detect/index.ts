import config from '../../../content-data/lexicon/config.json';
import en from '../../../content-data/lexicon/en.json';
import es from '../../../content-data/lexicon/es.json';
import { createDetector, type Detector } from './detector';
import type { DetectConfig, Lexicon } from './types';

export type { Detection, Match, TopicId } from './types';
export { TOPICS } from './types';

let detector: Detector | undefined;

/** The bundled English + Spanish detector, compiled on first use. */
export function bundledDetector(): Detector {
  detector ??= createDetector(config as DetectConfig, [en as Lexicon, es as Lexicon]);
  return detector;
}
