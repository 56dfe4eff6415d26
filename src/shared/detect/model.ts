import { forEachWord, wordsOf } from './tokenize';
import { TOPICS, type Detection, type Match, type TopicId } from './types';

/**
 * The learned detector (trained by `npm run train:detect`, shipped as data in model-data.ts):
 * per language and topic, a logistic regression over the counts of words and word pairs, each
 * damped (log(1 + n)) and the page's vector scaled to length 1, so long pages do not score higher
 * for being long. Everything is precomputed; a page pays one pass over its words, and a page
 * without a single drug- or alcohol-use word pays only the gate's regex test.
 */
export interface PackedModel {
  /** Regex source of the first pass: a page none of whose words match is about none of the topics. */
  gate: string;
  /** Regex source of words about drug or alcohol use and nothing else; a topic needs one. */
  context: string;
  langs: PackedLanguage[];
  /** Claim patterns: `phrase|claim id|topic code` per line; a trailing `*` matches any ending. */
  claims: string;
}

export interface PackedLanguage {
  lang: 'en' | 'es';
  /**
   * One feature per line, sorted, front-coded (first character: base-36 count of characters shared
   * with the previous line). A feature is a word or two words as readers see them (lower-case,
   * accents kept); a leading "!" marks a feature that counts but is never shown as a reason
   * ("my son" says nothing about tough love by itself).
   */
  features: string;
  /** Base64 of signed bytes, one per feature and topic (TOPICS order), times `scale`. */
  weights: string;
  scale: number;
  /** Per topic: weight of log(1 + uses of context words). */
  ctx: number[];
  bias: number[];
}

interface Language {
  lang: 'en' | 'es';
  index: Map<string, number>;
  /** First words of two-word features: only these start a pair lookup. */
  pairStarts: Set<string>;
  display: string[];
  shown: boolean[];
  weights: Float32Array;
  ctx: number[];
  bias: number[];
}

interface Claim {
  words: string[];
  stem: boolean;
  phrase: string;
  claim: string;
  topic: TopicId;
}

const CODE_TOPICS: Record<string, TopicId> = { o: 'overdose', l: 'tough_love', t: 'treatment' };
const MAX_MATCHES = 400;

export interface ModelDetector {
  detect(text: string): Detection;
}

function unpackLanguage(p: PackedLanguage): Language {
  const lines = p.features.split('\n');
  const display: string[] = [];
  const shown: boolean[] = [];
  const index = new Map<string, number>();
  const pairStarts = new Set<string>();
  let previous = '';
  for (const line of lines) {
    const full = previous.slice(0, parseInt(line[0], 36)) + line.slice(1);
    previous = full;
    const hidden = full.startsWith('!');
    const phrase = hidden ? full.slice(1) : full;
    const words = wordsOf(phrase);
    index.set(words.join(' '), display.length);
    if (words.length > 1) pairStarts.add(words[0]);
    display.push(phrase);
    shown.push(!hidden);
  }
  const bytes = atob(p.weights);
  const weights = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) weights[i] = ((bytes.charCodeAt(i) << 24) >> 24) * p.scale;
  return { lang: p.lang, index, pairStarts, display, shown, weights, ctx: p.ctx, bias: p.bias };
}

function unpackClaims(text: string): Map<string, Claim[]> {
  const byFirst = new Map<string, Claim[]>();
  for (const line of text.split('\n')) {
    const [phrase, claim, code] = line.split('|');
    const stem = phrase.endsWith('*');
    const words = wordsOf(phrase);
    const entry: Claim = { words, stem, phrase: phrase.replace(/\*$/, ''), claim, topic: CODE_TOPICS[code] };
    (byFirst.get(words[0]) ?? byFirst.set(words[0], []).get(words[0])!).push(entry);
  }
  return byFirst;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function createModelDetector(packed: PackedModel): ModelDetector {
  const gate = new RegExp(packed.gate, 'i');
  const context = new RegExp(packed.context, 'gi');
  // Unpacked on the first page that passes the gate, not at start-up.
  let languages: Map<string, Language> | undefined;
  let claims: Map<string, Claim[]> | undefined;

  return {
    detect(text: string): Detection {
      const lang = guessLang(text);
      const empty: Detection = { lang, topics: [], scores: { overdose: 0, tough_love: 0, treatment: 0 }, context: 0, claims: [], matches: [] };
      if (!gate.test(text)) return empty;
      context.lastIndex = 0;
      let uses = 0;
      while (uses < 50 && context.exec(text)) uses++;
      // A page that uses no drug- or alcohol-use word is about none of the topics.
      if (!uses) return empty;
      languages ??= new Map(packed.langs.map((p) => [p.lang, unpackLanguage(p)]));
      // Too few function words to tell (a short text): read as English.
      const model = languages.get(lang === 'es' ? 'es' : 'en')!;
      const counts = new Map<number, number>();
      let previous = '';
      forEachWord(text, (key) => {
        const single = model.index.get(key);
        if (single !== undefined) counts.set(single, (counts.get(single) ?? 0) + 1);
        if (model.pairStarts.has(previous)) {
          const pair = model.index.get(`${previous} ${key}`);
          if (pair !== undefined) counts.set(pair, (counts.get(pair) ?? 0) + 1);
        }
        previous = key;
      });
      let norm = 0;
      for (const n of counts.values()) norm += Math.log1p(n) ** 2;
      norm = Math.sqrt(norm) || 1;
      const scores = { ...empty.scores };
      const topics: TopicId[] = [];
      TOPICS.forEach((topic, t) => {
        let z = model.bias[t] + model.ctx[t] * Math.log1p(uses);
        for (const [f, n] of counts) z += (model.weights[f * 3 + t] * Math.log1p(n)) / norm;
        scores[topic] = Math.round(sigmoid(z) * 1000) / 10;
        if (z > 0) topics.push(topic);
      });
      if (!topics.length) return { ...empty, scores };
      return { lang, topics, scores, context: counts.size, ...explain(text, model, counts, topics, (claims ??= unpackClaims(packed.claims))) };
    },
  };
}

/**
 * The reasons for the topics found: the shown features that pushed a found topic up most, with
 * their places in the text (for "Show on page"), and the claim patterns the text uses.
 */
function explain(text: string, model: Language, counts: Map<number, number>, topics: TopicId[], claimsByFirst: Map<string, Claim[]>): Pick<Detection, 'claims' | 'matches'> {
  const reasons = new Map<number, { topic: TopicId; weight: number }>();
  for (const f of counts.keys()) {
    if (!model.shown[f]) continue;
    let best: { topic: TopicId; weight: number } | undefined;
    for (const topic of topics) {
      const w = model.weights[f * 3 + TOPICS.indexOf(topic)];
      if (w > 0 && (!best || w > best.weight)) best = { topic, weight: Math.round(w * 100) / 100 };
    }
    if (best) reasons.set(f, best);
  }
  // The strongest reasons only: a page's "why" is a handful of phrases, not every word it shares.
  const top = new Set([...reasons.entries()].sort((a, b) => b[1].weight - a[1].weight).slice(0, 25).map(([f]) => f));
  const spans: Match[] = [];
  const found = new Set<string>();
  const words: { key: string; start: number; end: number }[] = [];
  let previous: { key: string; start: number; single?: number } | undefined;
  forEachWord(text, (key, start, end) => {
    words.push({ key, start, end });
    const single = model.index.get(key);
    const span = (f: number, from: number, why = f) => {
      const reason = reasons.get(why)!;
      spans.push({ start: from, end, phrase: model.display[f], topic: reason.topic, weight: reason.weight });
    };
    // A reason word is marked with the word before it when the two are a known phrase ("tough
    // love", not "love"): readers see the phrase the page uses.
    const pair = previous && model.pairStarts.has(previous.key) ? model.index.get(`${previous.key} ${key}`) : undefined;
    if (pair !== undefined && top.has(pair)) span(pair, previous!.start);
    else if (pair !== undefined && model.shown[pair] && single !== undefined && top.has(single)) span(pair, previous!.start, single);
    if (single !== undefined && top.has(single)) span(single, start);
    previous = { key, start, single };
  });
  // Claims: explicit phrases (cards hang on them), counted only for a topic the page is about.
  for (let i = 0; i < words.length; i++) {
    for (const claim of claimsByFirst.get(words[i].key) ?? []) {
      if (!topics.includes(claim.topic) || i + claim.words.length > words.length) continue;
      const ok = claim.words.every((w, j) => (claim.stem && j === claim.words.length - 1 ? words[i + j].key.startsWith(w) : words[i + j].key === w));
      if (!ok) continue;
      found.add(claim.claim);
      spans.push({ start: words[i].start, end: words[i + claim.words.length - 1].end, phrase: claim.phrase, topic: claim.topic, weight: 1, claim: claim.claim });
    }
  }
  // One mark per place in the text: where spans overlap, the longest wins (a claim over the pair
  // inside it, a pair over its word).
  const matches: Match[] = [];
  const taken: [number, number][] = [];
  for (const m of spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (matches.length >= MAX_MATCHES) break;
    if (taken.some(([s, e]) => m.start < e && s < m.end)) continue;
    taken.push([m.start, m.end]);
    matches.push(m);
  }
  matches.sort((a, b) => a.start - b.start);
  return { claims: [...found], matches };
}

/** English or Spanish from common function words in the first few thousand characters. */
export function guessLang(text: string): Detection['lang'] {
  const head = text.slice(0, 5000);
  const en = head.match(/\b(?:the|and|of|to|is|that)\b/gi)?.length ?? 0;
  const es = head.match(/\b(?:el|la|los|las|que|del|por|una|para)\b/gi)?.length ?? 0;
  if (en + es < 5) return 'other';
  return es > en ? 'es' : 'en';
}
