/**
 * The maintained US state law table (content-data/laws/us-state-laws.json) and the law cells the
 * panel shows. Each cell carries its own source and "as of" date, so one state's row can be
 * brought up to date without touching the others. Validated with zod at build time.
 */
import { z } from 'zod';

/** What the law panel shows for each state, in this order. */
export const LAW_TOPICS = ['goodSamaritan', 'naloxone', 'standingOrder', 'syringeServices', 'testStrips'] as const;
export type LawTopic = (typeof LAW_TOPICS)[number];

/**
 * yes: the state has such a law. partial: it has one, but narrower (a defence in court rather than
 * immunity, a sunset, only some places). no: a checked source says the state has none (never used
 * to guess). unconfirmed: we could not confirm either way.
 */
export const LAW_STATUSES = ['yes', 'partial', 'no', 'unconfirmed'] as const;
export const LawStatus = z.enum(LAW_STATUSES);
export type LawStatus = z.infer<typeof LawStatus>;

const isRealDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
/** A calendar day, YYYY-MM-DD. */
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine(isRealDay, 'not a real date');
/** When a law took effect: a year, a month or a day. */
const Since = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a year, YYYY-MM or YYYY-MM-DD');

/** Plain words (grade 8) for families, in both languages the extension speaks. */
export const Words = z.object({ en: z.string().min(10).max(400), es: z.string().min(10).max(450) });
export type Words = z.infer<typeof Words>;

/**
 * Where a cell's fact comes from. statute: the law's text (or the legislature's own copy or
 * summary). official: a state agency's page. compilation: a 50-state survey by a research or legal
 * body. secondary: news or a bill tracker, used only when no official copy could be read (say so
 * in a review note).
 */
export const LawSource = z.object({
  cite: z.string().min(4).max(200),
  url: z.string().url().regex(/^https?:\/\//, 'a web address'),
  kind: z.enum(['statute', 'official', 'compilation', 'secondary']),
});
export type LawSource = z.infer<typeof LawSource>;

/** A maintainer's dated note: why a cell older than the review window is still right, or what is unsure. */
export const LawReview = z.object({ on: Day, note: z.string().min(10).max(400) });
export type LawReview = z.infer<typeof LawReview>;

export const LawCell = z.object({
  status: LawStatus,
  since: Since.optional(),
  /** What the law does and its conditions, in plain words. */
  summary: Words,
  source: LawSource,
  /** The day the source was read and found to say this. */
  asOf: Day,
  review: LawReview.optional(),
});
export type LawCell = z.infer<typeof LawCell>;

export const StateLawEntry = z
  .object({
    name: z.string().min(4),
    goodSamaritan: LawCell.optional(),
    naloxone: LawCell.optional(),
    standingOrder: LawCell.optional(),
    syringeServices: LawCell.optional(),
    testStrips: LawCell.optional(),
  })
  .strict();
export type StateLawEntry = z.infer<typeof StateLawEntry>;

export const LawTableFile = z.object({
  _about: z.string(),
  states: z.record(z.string().regex(/^[A-Z]{2}$/, 'a two-letter state code'), StateLawEntry),
});
export type LawTableFile = z.infer<typeof LawTableFile>;

/** A cell as the panel shows it: from the table, or derived from the bundled research dataset. */
export interface ShownLawCell {
  topic: LawTopic;
  status: LawStatus;
  since?: string;
  /** Absent for cells derived from the research dataset (the panel then says what the data say). */
  summary?: Words;
  source: { cite: string; url: string; kind: LawSource['kind'] | 'dataset' };
  asOf: string;
  review?: LawReview;
  origin: 'table' | 'dataset';
}

/** One state's laws as stored in the database and shown in the sidebar and popup. */
export interface StateLaw {
  state: string;
  name: string;
  cells: ShownLawCell[];
}
