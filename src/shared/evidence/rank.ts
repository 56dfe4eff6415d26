import type { EvidenceCard } from '../../data/evidence/schema';

/** What ranking needs from a page's analysis (see messaging PageAnalysis). */
export interface RankInput {
  topics: string[];
  claims: string[];
  scores: Partial<Record<string, number>>;
  phrases: { phrase: string; count: number }[];
}

export interface RankedCard<C extends EvidenceCard = EvidenceCard> {
  card: C;
  score: number;
  /** Claims on the page that this card answers. */
  answers: string[];
  /** The card's subject phrases that the page uses. */
  mentions: string[];
}

const SAFETY_FIRST = 'overdose-response';

/**
 * Cards for a page: those answering a claim the page makes come first, then cards on the page's
 * topics, ordered by how much of the page's own vocabulary they share. The overdose-response card
 * is lifted whenever overdose is detected: it is the card that saves a life today.
 */
export function rankCards<C extends EvidenceCard>(cards: C[], page: RankInput): RankedCard<C>[] {
  const counts = new Map(page.phrases.map((p) => [p.phrase, p.count]));
  const ranked: RankedCard<C>[] = [];
  for (const card of cards) {
    const answers = card.claims.filter((c) => page.claims.includes(c));
    // The strongest shared topic counts, not how many topics a card lists.
    const topicWeight = Math.max(0, ...card.topics.map((t) => (page.topics.includes(t) ? 1 + Math.min(page.scores[t] ?? 0, 50) / 50 : 0)));
    if (!answers.length && topicWeight === 0) continue;
    // The card's own subject phrases the page uses, by how often it uses them.
    // A card phrase ending in "*" (a lexicon stem) covers every page phrase it starts.
    const uses = (phrase: string) =>
      phrase.endsWith('*') ? [...counts].reduce((n, [p, c]) => (p.startsWith(phrase.slice(0, -1)) ? n + c : n), 0) : (counts.get(phrase) ?? 0);
    const mentions = card.match.filter((phrase) => uses(phrase) > 0);
    const affinity = mentions.reduce((sum, phrase) => sum + Math.sqrt(uses(phrase)), 0);
    let score = answers.length * 100 + topicWeight * 5 + affinity * 6;
    if (card.id === SAFETY_FIRST && page.topics.includes('overdose')) score += 60;
    ranked.push({ card, score, answers, mentions });
  }
  return ranked.sort((a, b) => b.score - a.score || a.card.title.localeCompare(b.card.title));
}
