import type { EvidenceCard } from './evidence/schema';
import type { StateLaw } from './resources/law-table';
import type { Helpline, ResourceRow, ZipPoint } from './resources/schema';

/**
 * Where the build writes the validated reference data inside the extension: the dataset is split
 * into parts (each well under the 5 MB that add-on linters parse) and reassembled when seeding.
 */
export const DATASET_PARTS = {
  core: '/data/reference.json',
  resources: '/data/resources.json',
  zipPoints: '/data/zip-points.json',
} as const;
export const DATASET_VERSION_PATH = '/data/reference.version';

/** Split a dataset into its bundled parts (resources and ZIP points in their own files). */
export function splitDataset({ resources, zipPoints, ...core }: ReferenceDataset): Record<keyof typeof DATASET_PARTS, unknown> {
  return { core, resources, zipPoints };
}

/** Everything the extension seeds into its reference tables; built from content-data/. */
export interface ReferenceDataset {
  /** Content hash of everything below: a new value means the reference tables are reseeded. */
  version: string;
  helplines: Helpline[];
  zipPoints: ZipPoint[];
  evidence: EvidenceCard[];
  resources: ResourceRow[];
  /** "as of" date of the directory, shown with every listed place. */
  resourcesAsOf: string;
  stateLaws: StateLaw[];
  sources: DatasetSource[];
}

/** Provenance shown to users ("data as of"). */
export interface DatasetSource {
  id: string;
  name: string;
  dataDate: string;
  rows: number;
}
