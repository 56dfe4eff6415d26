/**
 * Content check for the family tools' files (issue 17): each is `{ reviewedAt, sources: { id:
 * { citation, url|doi|pmid, note } }, ... }` and every object with `en`, `es` and `sources` inside it
 * is a sourced line. Lines must cite known sources, their numbers must appear in a cited source's
 * note, English and Spanish must carry the same numbers, and the English reads at grade 8 or lower.
 * `familyContentRule` is the shape `checkContent(root, rules)` (build/content-check.ts) takes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGrade, checkSource, numbersIn, sameNumbers, type ContentProblem, type ContentRule } from './content-check';

export const FAMILY_FILES = ['naloxone-ready.json', 'after-overdose.json', 'what-to-say.json'];

const DATE = /^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DIAL_NUMBERS = new Set(['911', '999', '112', '000', '111', '988']);

interface Line {
  where: string;
  en: string;
  es: string;
  sources: string[];
}

/** Every sourced line in a file, with its JSON path. */
function linesIn(value: unknown, where: string, out: Line[] = []): Line[] {
  if (Array.isArray(value)) value.forEach((v, i) => linesIn(v, `${where}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.en === 'string' && Array.isArray(o.sources)) out.push({ where, en: o.en, es: o.es as string, sources: o.sources as string[] });
    for (const [key, v] of Object.entries(o)) if (key !== 'sources') linesIn(v, where ? `${where}.${key}` : key, out);
  }
  return out;
}

export function checkFamilyFile(root: string, name: string): ContentProblem[] {
  const file = `content-data/${name}`;
  const path = join(root, name);
  if (!existsSync(path)) return [];
  const problems: ContentProblem[] = [];
  const add = (where: string, message: string) => problems.push({ file, where, message });
  let data: any;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return [{ file, where: '(file)', message: `not readable JSON (${(e as Error).message})` }];
  }
  if (!DATE.test(data.reviewedAt ?? '')) add('reviewedAt', 'needs a review date (YYYY-MM-DD)');
  const sources: Record<string, any> = data.sources ?? {};
  for (const [id, s] of Object.entries(sources)) {
    checkSource(s, file, `sources.${id}`, problems);
    if (typeof s.note !== 'string' || !/20\d\d-\d\d-\d\d/.test(s.note)) add(`sources.${id}.note`, 'needs a note with the date it was read');
  }
  const lines = linesIn(Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'sources')), '');
  if (!lines.length) add('(file)', 'has no sourced lines');
  for (const line of lines) {
    if (!line.sources.length) add(line.where, 'cites no source');
    for (const id of line.sources) if (!sources[id]) add(line.where, `cites unknown source "${id}"`);
    const known = new Set(numbersIn(line.sources.map((id) => sources[id]?.note ?? '').join('\n')));
    for (const n of numbersIn(line.en).filter((x) => !DIAL_NUMBERS.has(x))) if (!known.has(n)) add(line.where, `the number ${n} is not in the note of any source it cites`);
    sameNumbers(file, line.where, line.en, line.es, problems);
  }
  checkGrade(file, 'lines', lines.map((l) => l.en), problems);
  return problems;
}

export const familyContentRule: ContentRule = (root) => FAMILY_FILES.flatMap((name) => checkFamilyFile(root, name));
