/**
 * Build-time (Node) loader: reads content-data/, validates every file with zod and returns the
 * dataset the extension seeds from. Any problem throws one ContentDataError naming file, record
 * and field, before the build writes anything.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { EvidenceCard } from '../src/data/evidence/schema';
import { ResourcesFile, StateLawsFile } from '../src/data/resources/directory-schema';
import { LawTableFile } from '../src/data/resources/law-table';
import { resolveStateLaws } from '../src/data/resources/state-law';
import { HelplinesFile, ZipPointsFile, type Helpline, type HelplineRecord } from '../src/data/resources/schema';
import type { ReferenceDataset } from '../src/data/dataset';
import { NaloxoneAccessFile } from '../src/data/naloxone-access';
import { OverdoseStepsFile } from '../src/data/overdose-steps';
import { ContentDataError, describeZodError } from './errors';
import { TOPICS } from '../src/shared/detect/types';

const LexiconEntry = z.object({
  p: z.string().min(2).max(80),
  t: z.enum(TOPICS).optional(),
  w: z.number().min(-20).max(20).optional(),
  a: z.literal(true).optional(),
  c: z.string().regex(/^[a-z_]+$/).optional(),
  x: z.number().min(0).max(5).optional(),
}).refine((e) => e.t !== undefined || e.x !== undefined, 'an entry needs a topic (t) or a context weight (x)');
const LexiconFile = z.object({ lang: z.enum(['en', 'es']), entries: z.array(LexiconEntry).min(1) });
const ClaimsFile = z.object({
  claims: z.array(z.object({ id: z.string().regex(/^[a-z_]+$/), topic: z.string(), en: z.string(), es: z.string() })),
});

export function loadContentData(root: string): ReferenceDataset {
  const problems: string[] = [];
  const read = <T>(file: string, schema: z.ZodType<T>, recordsKey?: string): T | undefined => {
    const name = relative(join(root, '..'), file);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      problems.push(`${name}: not valid JSON (${(e as Error).message})`);
      return undefined;
    }
    const result = schema.safeParse(data);
    if (!result.success) problems.push(describeZodError(name, result.error, data, recordsKey));
    return result.success ? result.data : undefined;
  };

  const claims = read(join(root, 'claims.json'), ClaimsFile, 'claims');
  const claimIds = new Set(claims?.claims.map((c) => c.id));
  read(join(root, 'overdose-steps.json'), OverdoseStepsFile, 'steps');
  read(join(root, 'naloxone-access.json'), NaloxoneAccessFile, 'programs');
  const phrases = new Set<string>();
  for (const lang of ['en', 'es']) {
    const lexicon = read(join(root, `lexicon/${lang}.json`), LexiconFile, 'entries');
    lexicon?.entries.forEach((e, i) => {
      phrases.add(e.p);
      if (e.c && !claimIds.has(e.c)) problems.push(`content-data/lexicon/${lang}.json: record ${i} (${JSON.stringify(e.p)}): field c: unknown claim id "${e.c}"`);
    });
  }
  const helplines = read(join(root, 'helplines/helplines.json'), HelplinesFile, 'entries');
  const zips = read(join(root, 'zip-points/zip-points.json'), ZipPointsFile, 'points');
  const resources = read(join(root, 'resources/resources.json'), ResourcesFile, 'rows');
  const laws = read(join(root, 'resources/state-laws.json'), StateLawsFile, 'states');
  const lawTable = read(join(root, 'laws/us-state-laws.json'), LawTableFile);

  const evidenceDir = join(root, 'evidence');
  const evidence: EvidenceCard[] = [];
  for (const file of readdirSync(evidenceDir).filter((f) => f.endsWith('.json')).sort()) {
    const card = read(join(evidenceDir, file), EvidenceCard);
    if (!card) continue;
    const where = `content-data/evidence/${file}`;
    if (`${card.id}.json` !== file) problems.push(`${where}: field id: "${card.id}" must match the file name`);
    for (const claim of card.claims) {
      if (!claimIds.has(claim)) problems.push(`${where}: field claims: unknown claim id "${claim}"`);
    }
    for (const phrase of card.match) {
      if (!phrases.has(phrase)) problems.push(`${where}: field match: "${phrase}" is not a lexicon phrase`);
    }
    evidence.push(card);
  }

  if (problems.length || !helplines || !zips || !resources || !laws || !lawTable) {
    throw new ContentDataError(`content-data is invalid:\n${problems.join('\n')}`);
  }
  const content = {
    helplines: helplines.entries.flatMap(toHelpline),
    zipPoints: zips.points,
    evidence,
    resources: resources.rows,
    resourcesAsOf: resources.dataDate,
    stateLaws: resolveStateLaws(laws.states, lawTable),
  };
  const version = createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
  return {
    version,
    ...content,
    sources: [
      { id: 'helplines', name: 'National helplines (compiled from official pages)', dataDate: '2026-11', rows: content.helplines.length },
      { id: 'zip-points', name: zips.source, dataDate: zips.dataDate, rows: zips.points.length },
      { id: 'evidence', name: 'Second Chance evidence cards', dataDate: latest(evidence.map((c) => c.reviewedAt)), rows: evidence.length },
      ...(resources.sources ?? []),
      { id: 'state-laws', name: 'State overdose, naloxone and syringe laws (RAND-USC OPTIC; LawAtlas)', dataDate: laws.dataDate, rows: laws.states.length },
      { id: 'state-law-table', name: 'State law table (maintained, each cell sourced and dated)', dataDate: latest(lawCellDates(lawTable)), rows: Object.keys(lawTable.states).length },
    ],
  };
}

function toHelpline(r: HelplineRecord, index: number): Helpline[] {
  if (!r.number) return [];
  const emergency = r.scope === 'emergency';
  return [
    {
      id: `${r.country}-${index}`,
      country: r.country,
      name: r.name,
      number: r.number,
      // tel: wants the first number only ("999 (or 112)" dials 999).
      dial: (r.number.match(/[+\d][\d -]*/)?.[0] ?? '').replace(/[^\d+]/g, ''),
      emergency,
      hours: r.hours,
      scope: r.scope,
      sms: r.sms,
      officialSource: r.official_source,
      es: r.es,
      // Emergency numbers are fixed by law and listed in the product brief; other lines count only
      // once their number was read on an official page (the service's own or a government body's).
      confirmed: emergency || (r.seen_in_stored_copy && r.official_evidence.length > 0),
    },
  ];
}

const latest = (dates: string[]) => dates.sort().at(-1) ?? '';
const lawCellDates = (table: LawTableFile) =>
  Object.values(table.states).flatMap((entry) => Object.values(entry).flatMap((cell) => (typeof cell === 'object' ? [cell.asOf] : [])));
