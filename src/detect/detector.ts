import { foldAccents } from './normalize';
import { TOPICS, type DetectConfig, type Detection, type Lexicon, type LexiconEntry, type Match, type TopicId } from './types';

const MAX_MATCHES = 400;
const LETTER = /[\p{L}\p{N}]/u;
const ACCENTED: Record<string, string> = { a: 'aáàâäã', e: 'eéèêë', i: 'iíìîï', o: 'oóòôöõ', u: 'uúùûü', n: 'nñ', c: 'cç' };

/** Lexicon key for a phrase or a matched span: folded accents, one space, no apostrophes. */
export function keyOf(s: string): string {
  return trieKey(s).replace(/'/g, '');
}

function trieKey(s: string): string {
  return foldAccents(s.toLowerCase())
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\s\u00a0\u2010-\u2015-]+/g, ' ')
    .trim();
}

interface Trie {
  [ch: string]: Trie | true;
}

/** One regex shaped as a trie, so the engine rejects most word starts on their first letter. */
function trieSource(keys: string[]): string {
  const root: Trie = {};
  for (const key of keys) {
    let node = root;
    for (const ch of key) node = (node[ch] ??= {}) as Trie;
    node[''] = true;
  }
  const emit = (node: Trie): string => {
    const alts = Object.keys(node)
      .filter((k) => k !== '')
      .map((k) => charSource(k) + emit(node[k] as Trie));
    if (!alts.length) return '';
    const body = alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
    return node[''] ? `(?:${body})?` : body;
  };
  return emit(root);
}

function charSource(ch: string): string {
  if (ch === '*') return '[a-z\\u00c0-\\u024f]*';
  if (ch === "'") return "['\\u2019]?";
  if (ch === ' ') return "[\\s\\u00a0\\u2010-\\u2015-]+";
  if (ACCENTED[ch]) return `[${ACCENTED[ch]}]`;
  return ch.replace(/[.+?^${}()|[\]\\/]/g, '\\$&');
}

export interface Detector {
  detect(text: string): Detection;
}

/** Compile lexicons once (at content-script start); `detect` is then a single regex pass. */
export function createDetector(config: DetectConfig, lexicons: Lexicon[]): Detector {
  const exact = new Map<string, LexiconEntry[]>();
  const stems: { key: string; entry: LexiconEntry }[] = [];
  const trieKeys = new Set<string>();
  for (const lexicon of lexicons) {
    for (const entry of lexicon.entries) {
      trieKeys.add(trieKey(entry.p));
      const key = keyOf(entry.p);
      if (key.endsWith('*')) stems.push({ key: key.slice(0, -1), entry });
      else exact.set(key, [...(exact.get(key) ?? []), entry]);
    }
  }
  // Longest stems first, so "overdos*" wins over "over*".
  stems.sort((a, b) => b.key.length - a.key.length);
  const source = trieSource([...trieKeys]);
  const pattern = new RegExp(`\\b${source}`, 'gi');

  const lookup = (span: string): LexiconEntry[] => {
    const key = keyOf(span);
    const hit = exact.get(key);
    if (hit) return hit;
    const stem = stems.find((s) => key.startsWith(s.key));
    return stem ? stems.filter((s) => s.key === stem.key).map((s) => s.entry) : [];
  };

  return {
    detect(text: string): Detection {
      const counts = new Map<LexiconEntry, number>();
      const matches: Match[] = [];
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (m[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        // \b is ASCII-only: reject spans glued to accented letters ("ción" inside "adicción").
        if ((start > 0 && LETTER.test(text[start - 1])) || (end < text.length && LETTER.test(text[end]))) continue;
        for (const entry of lookup(m[0])) {
          counts.set(entry, (counts.get(entry) ?? 0) + 1);
          if (matches.length < MAX_MATCHES) {
            matches.push({
              start,
              end,
              phrase: entry.p,
              weight: entry.w ?? 0,
              ...(entry.t ? { topic: entry.t } : {}),
              ...(entry.c ? { claim: entry.c } : {}),
            });
          }
        }
      }
      return score(config, counts, matches, text);
    },
  };
}

function score(config: DetectConfig, counts: Map<LexiconEntry, number>, matches: Match[], text: string): Detection {
  const raw: Record<TopicId, number> = { overdose: 0, tough_love: 0, treatment: 0 };
  const anchors: Record<TopicId, number> = { overdose: 0, tough_love: 0, treatment: 0 };
  let context = 0;
  for (const [entry, n] of counts) {
    // Repeats add less and less: a page about a topic uses many of its words, not one word often.
    const damp = 1 + Math.log(n);
    context += (entry.x ?? 0) * damp;
    if (!entry.t || !entry.w) continue;
    raw[entry.t] += entry.w * damp;
    if (entry.a && entry.w > 0) anchors[entry.t]++;
  }
  // ~6 characters per word; long pages must say more to count as "about" a topic.
  const words = text.length / 6;
  const scale = Math.sqrt(Math.max(1, words / config.referenceWords));
  const scores = {} as Record<TopicId, number>;
  const topics: TopicId[] = [];
  for (const t of TOPICS) {
    scores[t] = Math.round((raw[t] / scale) * 100) / 100;
    const rule = config.topics[t];
    if (scores[t] >= rule.threshold && anchors[t] >= rule.minAnchors && context >= rule.minContext) topics.push(t);
  }
  const claims = [...new Set([...counts.keys()].filter((e) => e.c && e.t && topics.includes(e.t)).map((e) => e.c!))];
  return { lang: guessLang(text), topics, scores, context: Math.round(context * 100) / 100, claims, matches };
}

/** English or Spanish from common function words in the first few thousand characters. */
function guessLang(text: string): Detection['lang'] {
  const head = text.slice(0, 5000);
  const en = head.match(/\b(?:the|and|of|to|is|that)\b/gi)?.length ?? 0;
  const es = head.match(/\b(?:el|la|los|las|que|del|por|una|para)\b/gi)?.length ?? 0;
  if (en + es < 5) return 'other';
  return es > en ? 'es' : 'en';
}
