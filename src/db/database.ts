import Dexie, { type Table } from 'dexie';
import type { EvidenceCard } from '../evidence/schema';
import type { Helpline, Resource, StateLaw, ZipPoint } from '../resources/schema';
import type { Snippet } from '../snippets/schema';

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
  zipPoints: 'zip',
  resources: 'id, cell, state, kind',
  stateLaws: 'state',
  meta: 'key',
  snippets: '++id, url, savedAt, *tags',
  settings: 'key',
} as const;

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
  zipPoints!: Table<ZipPoint, string>;
  resources!: Table<Resource, string>;
  stateLaws!: Table<StateLaw, string>;
  meta!: Table<MetaRow, string>;
  snippets!: Table<Snippet, number>;
  settings!: Table<SettingRow, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
  }

  /** The tables seeding may clear and refill. */
  referenceTables() {
    return [this.evidence, this.helplines, this.zipPoints, this.resources, this.stateLaws];
  }
}
