import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { EvidenceCard } from '../evidence/schema';
import type { StateLaw } from '../resources/law-table';
import type { Helpline, ZipPoint } from '../resources/schema';
import type { ResourceRow } from '../resources/schema';
import type { LiveCacheRow } from '../resources/live';
import type { Snippet } from '../snippets/schema';
import type { NaloxoneKit } from '../naloxone-kits';

export const DB_NAME = 'second-chance';

/**
 * Schema versions are append-only: never edit a published version, add a new one with an upgrade.
 * Reference tables (evidence, helplines, zipPoints, resources, stateLaws, meta) are rebuilt from the
 * bundled content-data whenever its version changes. User tables (snippets, settings) are only
 * ever written by the user's own actions.
 */
export const SCHEMA_V1 = {
  evidence: 'id, *topics, *claims',
  helplines: 'id, country',
  zipPoints: 'prefix',
  resources: 'cell',
  stateLaws: 'state',
  meta: 'key',
  snippets: '++id, url, savedAt, *tags',
  settings: 'key',
} as const;

/**
 * Reference rows are stored in buckets, a few thousand records instead of fifty thousand: seeding
 * is several times faster and a lookup reads one record.
 */
export interface ZipBucket {
  /** The ZIP's first three digits. */
  prefix: string;
  points: ZipPoint[];
}
export interface ResourceCell {
  /** Grid cell key (see resources/nearest.ts). */
  cell: string;
  rows: ResourceRow[];
}

/** v2: results fetched from FindTreatment.gov for a ZIP (opt-in live refresh), with when. */
export const SCHEMA_V2 = { ...SCHEMA_V1, liveCache: 'zip' } as const;

/** v3: naloxone kits the reader recorded ("I have naloxone"); a user table. */
export const SCHEMA_V3 = { ...SCHEMA_V2, naloxoneKits: '++id' } as const;

export interface MetaRow {
  key: string;
  value: unknown;
}
export interface SettingRow {
  key: string;
  value: unknown;
}

export class SecondChanceDB extends Dexie {
  evidence!: Table<EvidenceCard, string>;
  helplines!: Table<Helpline, string>;
  zipPoints!: Table<ZipBucket, string>;
  resources!: Table<ResourceCell, string>;
  stateLaws!: Table<StateLaw, string>;
  meta!: Table<MetaRow, string>;
  snippets!: Table<Snippet, number>;
  settings!: Table<SettingRow, string>;
  liveCache!: Table<LiveCacheRow, string>;
  naloxoneKits!: Table<NaloxoneKit, number>;

  /** `options` can supply another IndexedDB implementation (the in-memory fallback). */
  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3);
  }

  /** The tables seeding may clear and refill. */
  referenceTables() {
    return [this.evidence, this.helplines, this.zipPoints, this.resources, this.stateLaws];
  }

  /** The tables "Delete all my data" empties (the live cache reveals the reader's area; kits say where naloxone is kept). */
  userTables() {
    return [this.snippets, this.settings, this.liveCache, this.naloxoneKits];
  }
}
