/**
 * Build-time (Node) entry for the content check: reads content-data/laws/us-state-laws.json,
 * validates it and applies the law table's rules (src/resources/law-check.ts). Returns one line per
 * problem; an empty list means the law table is fit to ship on `today`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLawTable, isoToday } from '../resources/law-check';
import { LawTableFile } from '../resources/law-table';
import { describeZodError } from './errors';

export const LAW_TABLE_FILE = 'laws/us-state-laws.json';

export function checkLawContent(root = 'content-data', today = isoToday()): string[] {
  const file = `content-data/${LAW_TABLE_FILE}`;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(join(root, LAW_TABLE_FILE), 'utf8'));
  } catch (e) {
    return [`${file}: not readable JSON (${(e as Error).message})`];
  }
  const parsed = LawTableFile.safeParse(data);
  if (!parsed.success) return describeZodError(file, parsed.error, data).split('\n');
  return checkLawTable(parsed.data, today, file);
}
