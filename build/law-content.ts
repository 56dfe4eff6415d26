/**
 * Build-time (Node) entry for the content check: reads content-data/laws/us-state-laws.json,
 * validates it and applies the law table's rules (src/data/resources/law-check.ts). An empty list
 * means the law table is fit to ship on `today`. `lawContentRule` is the same check in the shape
 * `checkContent(root, rules)` (build/content-check.ts) takes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLawTable, isoToday } from '../src/data/resources/law-check';
import { LawTableFile } from '../src/data/resources/law-table';
import type { ContentProblem, ContentRule } from './content-check';
import { describeZodError } from './errors';

export const LAW_TABLE_FILE = 'laws/us-state-laws.json';

const FILE = `content-data/${LAW_TABLE_FILE}`;

export function checkLawContent(root = 'content-data', today = isoToday()): ContentProblem[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(join(root, LAW_TABLE_FILE), 'utf8'));
  } catch (e) {
    return [{ file: FILE, where: '', message: `not readable JSON (${(e as Error).message})` }];
  }
  const parsed = LawTableFile.safeParse(data);
  if (!parsed.success) return describeZodError(FILE, parsed.error, data).split('\n').map((message) => ({ file: FILE, where: 'schema', message }));
  return checkLawTable(parsed.data, today).map((p) => ({ file: FILE, ...p }));
}

export const lawContentRule: ContentRule = (root) => checkLawContent(root);
