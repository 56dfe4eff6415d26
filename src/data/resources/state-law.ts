/**
 * One state's laws as the panel shows them: the maintained table's cell where it is at least as
 * recent as the bundled research dataset (RAND OPTIC / LawAtlas, frozen 2019-2022), otherwise what
 * the dataset says. A dataset "no such law" is shown as "not confirmed", never as "none": it only
 * means the research stopped before a later law.
 */
import type { StateLawRow } from './directory-schema';
import { LAW_TOPICS, type LawCell, type LawTopic, type ShownLawCell, type StateLaw, type StateLawEntry } from './law-table';

const OPTIC = {
  cite: 'RAND-USC OPTIC-Vetted naloxone and Good Samaritan policy data (via the OEPS project)',
  url: 'https://github.com/healthyregions/oeps',
  kind: 'dataset',
} as const;
const LAWATLAS = {
  cite: 'LawAtlas syringe-law data as of 2019-08-01 (Fernández-Viña et al., Public Health Reports 2020)',
  url: 'https://github.com/GeoDaCenter/opioid-policy-scan',
  kind: 'dataset',
} as const;

type Dated = { hasLaw: boolean; effective: string | null; asOf: string } | undefined;

function fromDated(topic: LawTopic, law: Dated, source: ShownLawCell['source']): ShownLawCell | undefined {
  if (!law) return undefined;
  return {
    topic,
    status: law.hasLaw ? 'yes' : 'unconfirmed',
    ...(law.effective ? { since: law.effective } : {}),
    source,
    asOf: law.asOf,
    origin: 'dataset',
  };
}

/** The dataset's view of each topic (test strips: the dataset has no such column). */
export function datasetCells(row: StateLawRow): Partial<Record<LawTopic, ShownLawCell>> {
  const ssp = row.syringeServicesLegal;
  return {
    goodSamaritan: fromDated('goodSamaritan', row.goodSamaritan, OPTIC),
    naloxone: fromDated('naloxone', row.naloxoneAccess, OPTIC),
    standingOrder: fromDated('standingOrder', row.standingOrder, OPTIC),
    syringeServices: ssp
      ? { topic: 'syringeServices', status: ssp.explicitlyAuthorized ? 'yes' : 'unconfirmed', source: LAWATLAS, asOf: ssp.asOf, origin: 'dataset' }
      : undefined,
  };
}

/** "2021" (data through 2021) sorts as the end of that year; full dates compare as they are. */
const endOf = (asOf: string) => (/^\d{4}$/.test(asOf) ? `${asOf}-12-31` : /^\d{4}-\d{2}$/.test(asOf) ? `${asOf}-31` : asOf);

export function fromTable(topic: LawTopic, cell: LawCell): ShownLawCell {
  return { topic, ...cell, origin: 'table' };
}

/** The table's cell wins unless the dataset is newer than it. */
export function resolveStateLaw(state: string, row: StateLawRow | undefined, entry: StateLawEntry | undefined): StateLaw | undefined {
  const name = entry?.name ?? row?.name;
  if (!name) return undefined;
  const data = row ? datasetCells(row) : {};
  const cells = LAW_TOPICS.flatMap((topic): ShownLawCell[] => {
    const table = entry?.[topic];
    const dataset = data[topic];
    if (table && (!dataset || table.asOf >= endOf(dataset.asOf))) return [fromTable(topic, table)];
    return dataset ? [dataset] : [];
  });
  return { state, name, cells };
}

/** Every state of the dataset and the table (the table may add states the dataset lacks), by code. */
export function resolveStateLaws(rows: StateLawRow[], table: { states: Record<string, StateLawEntry> }): StateLaw[] {
  const byState = new Map(rows.map((r) => [r.state, r]));
  const codes = [...new Set([...byState.keys(), ...Object.keys(table.states)])].sort();
  return codes.flatMap((code) => resolveStateLaw(code, byState.get(code), table.states[code]) ?? []);
}
