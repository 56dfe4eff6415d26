/**
 * Offline content check (`npm run content:check`, and tests/unit/content/content-check.test.ts in
 * `npm test`): every source is well formed, every number on a card appears in the note of a source
 * the sentence cites, every card, step and helpline carries a review date, English and Spanish say
 * the same numbers, and family text reads at grade 8 or lower. Build-time (Node) only.
 *
 * Other data (for example state-law rows) joins by passing `rules`: each rule gets the root folder
 * and returns its problems in the same shape.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fleschKincaidGrade } from '../src/shared/evidence/readability';

export interface ContentProblem {
  /** File relative to the content-data folder's parent, e.g. "content-data/evidence/x.json". */
  file: string;
  /** Where in the file: "keyPoints[2]", "sources[1].doi", "steps[3]". */
  where: string;
  message: string;
}

export type ContentRule = (root: string) => ContentProblem[];

export interface ContentReport {
  problems: ContentProblem[];
  /** Per card: sentences checked and how many of them cite a source. */
  cards: { id: string; units: number; cited: number; numbers: number }[];
}

/** The family-text ceiling (Flesch-Kincaid grade): for a whole field, and for any one sentence group. */
export const GRADE_LIMIT = 8;
export const GRADE_LIMIT_ONE = 10;
/** Emergency and crisis numbers are instructions, not facts that need a study. */
const DIAL_NUMBERS = new Set(['911', '999', '112', '000', '111', '988']);

const DOI = /^10\.\d{4,9}\/\S+$/;
const PMID = /^\d{5,9}$/;
const URL_SHAPE = /^https:\/\/[^\s/]+\.[^\s]+$/;
const DATE = /^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Numbers as written in running text, normalised so "3,609" and "3609" compare equal. */
export function numbersIn(text: string): string[] {
  return (text.match(/\d+(?:[.,]\d+)*/g) ?? []).map((n) => n.replace(/,(?=\d{3}\b)/g, ''));
}

export function checkContent(root: string, rules: ContentRule[] = []): ContentReport {
  const problems: ContentProblem[] = [];
  const cards: ContentReport['cards'] = [];
  const evidenceDir = join(root, 'evidence');
  for (const name of readdirSync(evidenceDir).filter((f) => f.endsWith('.json')).sort()) {
    const file = `content-data/evidence/${name}`;
    const card = readJson(join(evidenceDir, name), file, problems);
    if (card) cards.push(checkCard(card, file, problems));
  }
  const steps = readJson(join(root, 'overdose-steps.json'), 'content-data/overdose-steps.json', problems);
  if (steps) checkSteps(steps, problems);
  const helplines = readJson(join(root, 'helplines/helplines.json'), 'content-data/helplines/helplines.json', problems);
  if (helplines) checkHelplines(helplines, problems);
  for (const rule of rules) problems.push(...rule(root));
  return { problems, cards };
}

export function formatProblems(problems: ContentProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.where}: ${p.message}`).join('\n');
}

// ---------------------------------------------------------------------------------------------

type Json = any; // validated field by field below; zod already checks the shapes at build time

function readJson(path: string, file: string, problems: ContentProblem[]): Json | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    problems.push({ file, where: '(file)', message: `not readable JSON (${(e as Error).message})` });
    return undefined;
  }
}

export function checkSource(s: Json, file: string, where: string, problems: ContentProblem[]) {
  const add = (message: string, field = '') => problems.push({ file, where: `${where}${field}`, message });
  if (s.doi !== undefined && !DOI.test(s.doi)) add(`"${s.doi}" is not a DOI (10.xxxx/...)`, '.doi');
  if (s.pmid !== undefined && !PMID.test(s.pmid)) add(`"${s.pmid}" is not a PMID (5-9 digits)`, '.pmid');
  if (s.url !== undefined && !URL_SHAPE.test(s.url)) add(`"${s.url}" is not an https URL`, '.url');
  if (!s.doi && !s.pmid && !s.url) add('needs a doi, pmid or url');
  if (typeof s.citation !== 'string' || s.citation.length < 10) add('needs a citation', '.citation');
}

function checkCard(card: Json, file: string, problems: ContentProblem[]) {
  const add = (where: string, message: string) => problems.push({ file, where, message });
  if (!DATE.test(card.reviewedAt ?? '')) add('reviewedAt', 'needs a review date (YYYY-MM-DD)');

  const sources: Json[] = card.sources ?? [];
  const byId = new Map<string, Json>();
  sources.forEach((s, i) => {
    checkSource(s, file, `sources[${i}]`, problems);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s.id ?? '')) add(`sources[${i}].id`, 'needs a kebab-case id that sentences can cite');
    else if (byId.has(s.id)) add(`sources[${i}].id`, `duplicate id "${s.id}"`);
    else byId.set(s.id, s);
    if (typeof s.note !== 'string' || s.note.length < 20) add(`sources[${i}].note`, 'needs a note saying what the source states (with its numbers) and when it was read');
  });

  // Sentence groups: the summary, each key point, each action. Each cites the sources it rests on.
  const cites = card.cites ?? {};
  const units: { where: string; text: string; ids: string[]; mustCite: boolean }[] = [
    { where: 'summary', text: card.summary, ids: cites.summary ?? [], mustCite: true },
    ...(card.keyPoints ?? []).map((text: string, i: number) => ({ where: `keyPoints[${i}]`, text, ids: cites.keyPoints?.[i] ?? [], mustCite: true })),
    ...(card.whatYouCanDo ?? []).map((text: string, i: number) => ({ where: `whatYouCanDo[${i}]`, text, ids: cites.whatYouCanDo?.[i] ?? [], mustCite: false })),
  ];
  if (cites.keyPoints && cites.keyPoints.length !== (card.keyPoints ?? []).length) add('cites.keyPoints', 'needs one list of source ids per key point');
  if (cites.whatYouCanDo && cites.whatYouCanDo.length !== (card.whatYouCanDo ?? []).length) add('cites.whatYouCanDo', 'needs one list of source ids per action');
  let cited = 0;
  let numberCount = 0;
  for (const u of units) {
    const facts = numbersIn(u.text).filter((n) => !DIAL_NUMBERS.has(n));
    numberCount += facts.length;
    for (const id of u.ids) if (!byId.has(id)) add(`cites.${u.where}`, `cites unknown source id "${id}"`);
    if (u.ids.length) cited++;
    else if (u.mustCite || facts.length) {
      add(`cites.${u.where}`, 'states a fact but cites no source');
      continue;
    }
    const notes = u.ids.map((id) => byId.get(id)?.note ?? '').join('\n');
    const known = new Set(numbersIn(notes));
    for (const n of facts) if (!known.has(n)) add(u.where, `the number ${n} is not in the note of any source it cites (${u.ids.join(', ')})`);
  }

  checkGrade(file, 'summary', [card.summary], problems);
  checkGrade(file, 'keyPoints', card.keyPoints ?? [], problems);
  checkGrade(file, 'whatYouCanDo', card.whatYouCanDo ?? [], problems);

  const es = card.translations?.es;
  if (!es) add('translations.es', 'needs the Spanish text');
  else {
    const pairs: [string, string | undefined, string][] = [
      ['title', es.title, card.title],
      ['summary', es.summary, card.summary],
      ...(card.keyPoints ?? []).map((t: string, i: number): [string, string | undefined, string] => [`keyPoints[${i}]`, es.keyPoints?.[i], t]),
      ...(card.whatYouCanDo ?? []).map((t: string, i: number): [string, string | undefined, string] => [`whatYouCanDo[${i}]`, es.whatYouCanDo?.[i], t]),
    ];
    for (const [where, spanish, english] of pairs) sameNumbers(file, where, english, spanish, problems);
  }
  return { id: card.id as string, units: units.length, cited, numbers: numberCount };
}

export function checkGrade(file: string, where: string, texts: string[], problems: ContentProblem[]) {
  if (!texts.length) return;
  const whole = fleschKincaidGrade(texts.join(' '));
  if (whole > GRADE_LIMIT) problems.push({ file, where, message: `reads at grade ${whole.toFixed(1)}; family text must be grade ${GRADE_LIMIT} or lower` });
  texts.forEach((text, i) => {
    const g = fleschKincaidGrade(text);
    if (g > GRADE_LIMIT_ONE) problems.push({ file, where: `${where}[${i}]`, message: `reads at grade ${g.toFixed(1)}; no single item may be above grade ${GRADE_LIMIT_ONE}` });
  });
}

export function sameNumbers(file: string, where: string, english: string, spanish: string | undefined, problems: ContentProblem[]) {
  if (!spanish) {
    problems.push({ file, where: `es.${where}`, message: 'missing Spanish text' });
    return;
  }
  // Compare digits only, so "12.7" (EN) and "12,7" (ES) count as the same number.
  const digits = (t: string) => numbersIn(t).map((n) => n.replace(/[.,]/g, '')).sort();
  const en = digits(english);
  const es = digits(spanish);
  const missing = en.filter((n) => !es.includes(n));
  const extra = es.filter((n) => !en.includes(n));
  if (missing.length || extra.length) {
    problems.push({ file, where: `es.${where}`, message: `English and Spanish numbers differ (only in English: ${missing.join(', ') || 'none'}; only in Spanish: ${extra.join(', ') || 'none'})` });
  }
}

function checkSteps(steps: Json, problems: ContentProblem[]) {
  const file = 'content-data/overdose-steps.json';
  const add = (where: string, message: string) => problems.push({ file, where, message });
  if (!DATE.test(steps.reviewedAt ?? '')) add('reviewedAt', 'needs a review date (YYYY-MM-DD)');
  const sources: Record<string, Json> = steps.sources ?? {};
  for (const [id, s] of Object.entries(sources)) {
    checkSource(s, file, `sources.${id}`, problems);
    if (typeof s.note !== 'string' || !/20\d\d-\d\d-\d\d/.test(s.note)) add(`sources.${id}.note`, 'needs a note with the date it was read');
  }
  const list: Json[] = steps.steps ?? [];
  list.forEach((step, i) => {
    if (!step.sources?.length) add(`steps[${i}]`, 'cites no source');
    for (const id of step.sources ?? []) if (!sources[id]) add(`steps[${i}]`, `cites unknown source "${id}"`);
    const notes = (step.sources ?? []).map((id: string) => sources[id]?.note ?? '').join('\n');
    const known = new Set(numbersIn(notes));
    for (const n of numbersIn(step.en).filter((x) => !DIAL_NUMBERS.has(x))) if (!known.has(n)) add(`steps[${i}]`, `the number ${n} is not in the note of any source it cites`);
    sameNumbers(file, `steps[${i}]`, step.en, step.es, problems);
  });
  checkGrade(file, 'steps', list.map((s) => String(s.en).replace('{emergency}', '911')), problems);
  (steps.signs?.en ?? []).forEach((sign: string, i: number) => sameNumbers(file, `signs[${i}]`, sign, steps.signs?.es?.[i], problems));
}

/** Government hosts (and the HSE's drugs site) count as official evidence for a phone number. */
const GOVERNMENT_HOST = /(\.gov|\.gov\.au|\.govt\.nz|\.gov\.uk|\.gc\.ca|\.nhs\.uk|\.hscni\.net)$|(^|\.)(canada\.ca|hse\.ie|drugs\.ie|112\.ie)$/;
const SECOND_LEVEL = /\.(org|com|gov|net|edu)\.(au|nz|uk)$|\.(co|govt|ac)\.(nz|uk)$/;
const registrable = (host: string) => host.split('.').slice(SECOND_LEVEL.test(host) ? -3 : -2).join('.');

function checkHelplines(data: Json, problems: ContentProblem[]) {
  const file = 'content-data/helplines/helplines.json';
  (data.entries ?? []).forEach((e: Json, i: number) => {
    const where = `entries[${i}] (${e.name})`;
    const add = (message: string) => problems.push({ file, where, message });
    if (!DATE.test(e.checked ?? '')) add('needs a "checked" date (YYYY-MM-DD)');
    if (!e.number) return;
    if (!e.es?.scope) add('needs Spanish wording (es.scope)');
    if (e.hours && !e.es?.hours && !/^24\/7$/.test(e.hours)) add('needs Spanish hours (es.hours)');
    if (e.sms && !e.es?.sms && !/^\d+$/.test(e.sms)) add('needs Spanish SMS wording (es.sms)');
    const evidence: Json[] = e.official_evidence ?? [];
    if (e.seen_in_stored_copy && e.scope !== 'emergency' && !evidence.length) add('marked seen but lists no official evidence: it will not be shown');
    const official = registrable(new URL(e.official_source).hostname);
    evidence.forEach((o, j) => {
      let host = '';
      try {
        host = new URL(o.url).hostname;
      } catch {
        add(`official_evidence[${j}]: "${o.url}" is not a URL`);
        return;
      }
      if (o.owner === 'government' && !GOVERNMENT_HOST.test(host)) add(`official_evidence[${j}]: ${host} is not a government host`);
      if (o.owner === 'service' && registrable(host) !== official && !e.same_owner_reason) add(`official_evidence[${j}]: ${host} is not the service's own domain (${official}); say why in same_owner_reason`);
    });
  });
}
