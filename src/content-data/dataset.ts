import type { EvidenceCard } from '../evidence/schema';
import type { Helpline, ZipPoint } from '../resources/schema';

/** Where the build writes the validated reference data inside the extension. */
export const DATASET_PATH = '/data/reference.json';
export const DATASET_VERSION_PATH = '/data/reference.version';

/** Everything the extension seeds into its reference tables; built from content-data/. */
export interface ReferenceDataset {
  /** Content hash of everything below: a new value means the reference tables are reseeded. */
  version: string;
  helplines: Helpline[];
  zipPoints: ZipPoint[];
  evidence: EvidenceCard[];
  sources: DatasetSource[];
}

/** Provenance shown to users ("data as of"). */
export interface DatasetSource {
  id: string;
  name: string;
  dataDate: string;
  rows: number;
}
