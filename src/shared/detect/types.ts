/** The topics, defined once: schemas (z.enum(TOPICS)), the UI and the detector all use this list. */
export const TOPICS = ['overdose', 'tough_love', 'treatment'] as const;
export type TopicId = (typeof TOPICS)[number];

/** One lexicon line: a phrase, what it counts toward, and how much. */
export interface LexiconEntry {
  /** Phrase; spaces match any whitespace or hyphen, a trailing "*" matches any word ending. */
  p: string;
  /** Topic the phrase counts toward (negative weights count against it). */
  t?: TopicId;
  /** Weight; negative for contexts that mean another sense ("water treatment"). */
  w?: number;
  /** Weight as drug/alcohol-use context, which every topic needs some of. */
  x?: number;
  /** A distinctive anchor: topics need several different anchors, not one word repeated. */
  a?: boolean;
  /** Claim id this phrase expresses (see content-data/claims.json). */
  c?: string;
}

export interface Lexicon {
  lang: string;
  entries: LexiconEntry[];
}

export interface Match {
  start: number;
  end: number;
  /** The feature or claim phrase that matched, as readers see it (never raw page text). */
  phrase: string;
  /** Absent for context-only phrases. */
  topic?: TopicId;
  weight: number;
  claim?: string;
}

export interface Detection {
  lang: 'en' | 'es' | 'other';
  topics: TopicId[];
  /** The model's probability per topic, in percent (rounded to 0.1). */
  scores: Record<TopicId, number>;
  /** How many of the model's features the page uses (0 when the first pass turned it away). */
  context: number;
  claims: string[];
  /** The spans behind the decision: the strongest reasons and the claims (capped). */
  matches: Match[];
}
