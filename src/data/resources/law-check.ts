/**
 * The law table's content rules, as one function the content check (`npm run content:check`) and
 * the unit tests both call. Pure: give it the parsed table and today's date; it returns one problem
 * per finding, naming the state, the topic and what to do.
 */
import { LAW_TOPICS, type LawCell, type LawTableFile } from './law-table';

/** 50 states and DC: the jurisdictions the panel must cover. */
export const LAW_JURISDICTIONS = [
  'AK', 'AL', 'AR', 'AZ', 'CA', 'CO', 'CT', 'DC', 'DE', 'FL', 'GA', 'HI', 'IA', 'ID', 'IL', 'IN', 'KS', 'KY',
  'LA', 'MA', 'MD', 'ME', 'MI', 'MN', 'MO', 'MS', 'MT', 'NC', 'ND', 'NE', 'NH', 'NJ', 'NM', 'NV', 'NY', 'OH',
  'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VA', 'VT', 'WA', 'WI', 'WV', 'WY',
] as const;

/** A fact read longer ago than this needs a dated review note. */
export const REVIEW_WINDOW_MONTHS = 24;

/** The day `months` before `day` (both YYYY-MM-DD), clamped to the month's end. */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const numbersIn = (text: string) => (text.match(/\d+/g) ?? []).sort().join(' ');

/** One problem: where in the table ("KS goodSamaritan", or a state code) and what to do. */
export interface LawProblem {
  where: string;
  message: string;
}

function cellProblems(where: string, cell: LawCell, today: string, cutoff: string): LawProblem[] {
  const messages: string[] = [];
  if (cell.asOf > today) messages.push(`asOf ${cell.asOf} is in the future`);
  if (cell.since && cell.since > cell.asOf) messages.push(`since ${cell.since} is after asOf ${cell.asOf}`);
  if (cell.review && cell.review.on > today) messages.push(`review.on ${cell.review.on} is in the future`);
  if (cell.asOf < cutoff) {
    if (!cell.review) {
      messages.push(`source read on ${cell.asOf}, more than ${REVIEW_WINDOW_MONTHS} months ago: re-check it and update asOf, or add a dated review note`);
    } else if (cell.review.on < cutoff) {
      messages.push(`the review note of ${cell.review.on} is itself more than ${REVIEW_WINDOW_MONTHS} months old: review again`);
    }
  }
  if (cell.source.kind === 'secondary' && !cell.review) messages.push('a secondary source needs a review note saying why no official copy was used');
  if (numbersIn(cell.summary.en) !== numbersIn(cell.summary.es)) messages.push('the English and Spanish summaries do not have the same numbers');
  if (/\bnone\b/i.test(cell.summary.en) || /\bninguna\b/i.test(cell.summary.es)) messages.push('say what is known or "not confirmed", never "none"');
  return messages.map((message) => ({ where, message }));
}

/**
 * Every jurisdiction has every topic; every cell has a source and a date, and one read more than
 * 24 months before `today` has a review note from within 24 months; no state says it has no
 * Good Samaritan protection (every state has one since Wyoming's law of 2025).
 */
export function checkLawTable(table: LawTableFile, today: string): LawProblem[] {
  const problems: LawProblem[] = [];
  const cutoff = monthsBefore(today, REVIEW_WINDOW_MONTHS);
  const known = new Set<string>(LAW_JURISDICTIONS);
  for (const code of Object.keys(table.states)) {
    if (!known.has(code)) problems.push({ where: code, message: 'not one of the 50 states or DC' });
  }
  for (const code of LAW_JURISDICTIONS) {
    const entry = table.states[code];
    if (!entry) {
      problems.push({ where: code, message: 'missing (every state and DC needs an entry)' });
      continue;
    }
    for (const topic of LAW_TOPICS) {
      const where = `${code} ${topic}`;
      const cell = entry[topic];
      if (!cell) {
        problems.push({ where, message: 'missing (write status "unconfirmed" with a source if it is not known)' });
        continue;
      }
      problems.push(...cellProblems(where, cell, today, cutoff));
      if (topic === 'goodSamaritan' && cell.status === 'no') {
        problems.push({ where, message: 'every state has some Good Samaritan protection since 2025; check the source again' });
      }
    }
  }
  return problems;
}

/** Today's date, YYYY-MM-DD (UTC). */
export const isoToday = (now = new Date()) => now.toISOString().slice(0, 10);
