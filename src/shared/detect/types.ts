export type TopicId = 'overdose' | 'tough_love' | 'treatment';
export const TOPICS: readonly TopicId[] = ['overdose', 'tough_love', 'treatment'];

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

export interface TopicRule {
  /** Minimum length-normalised score. */
  threshold: number;
  /** Minimum number of distinct anchor phrases. */
  minAnchors: number;
  /** Minimum drug/alcohol-use context score (same repeat damping, not length-normalised). */
  minContext: number;
}

export interface DetectConfig {
  /** Words of text that count as "one page"; longer texts have their score scaled down by sqrt. */
  referenceWords: number;
  topics: Record<TopicId, TopicRule>;
}

export interface Match {
  start: number;
  end: number;
  /** The lexicon phrase that matched. */
  phrase: string;
  /** Absent for context-only phrases. */
  topic?: TopicId;
  weight: number;
  claim?: string;
}

export interface Detection {
  lang: 'en' | 'es' | 'other';
  topics: TopicId[];
  /** Length-normalised score per topic (rounded to 0.01). */
  scores: Record<TopicId, number>;
  /** Drug/alcohol-use context score. */
  context: number;
  claims: string[];
  /** The spans behind the decision (capped). */
  matches: Match[];
}
