import { foldAccents } from './normalize';

/** Letters and digits: a match glued to one of these is part of a longer word. */
const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && (ch < '\u0080' ? /[a-z0-9]/i.test(ch) : WORD_CHAR.test(ch));
import { TOPICS, type DetectConfig, type Detection, type Lexicon, type LexiconEntry, type Match, type TopicId } from './types';

const MAX_MATCHES = 400;

/** Lexicon key for a phrase or a matched span: folded accents, one space, no apostrophes. */
export function keyOf(s: string): string {
  return foldAccents(trieKey(s)).replace(/'/g, '');
}

/** Lower-cased phrase with one space and straight apostrophes; accents kept (see charSource). */
function trieKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\s\u00a0\u2010-\u2015-]+/g, ' ')
    .trim();
}

interface Trie {
  /** Children by accent-folded character. */
  next: Map<string, Trie>;
  /** The characters (accented or not) lexicon phrases use at this position. */
  forms: Set<string>;
  end: boolean;
}

const newNode = (): Trie => ({ next: new Map(), forms: new Set(), end: false });

/**
 * One regex shaped as a trie over accent-folded characters, so the engine rejects most word starts
 * on their first letter, and "heroin" / "heroína" share a branch (alternation takes the first
 * branch that matches, so sibling branches must not be prefixes of each other's matches).
 */
function trieSource(keys: string[]): string {
  const root = newNode();
  for (const key of keys) {
    let node = root;
    for (const ch of key) {
      const folded = foldAccents(ch);
      let child = node.next.get(folded);
      if (!child) node.next.set(folded, (child = newNode()));
      child.forms.add(ch);
      node = child;
    }
    node.end = true;
  }
  const emit = (node: Trie): string => {
    // A stem's "*" goes last: the longer phrase ("overdose death") must win over "overdose*".
    const alts = [...node.next.entries()]
      .sort(([x], [y]) => Number(x === '*') - Number(y === '*'))
      .map(([, child]) => charSource(child.forms) + emit(child));
    if (!alts.length) return '';
    const body = alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root);
}

/**
 * Regex source for one trie position: accented letters also match their bare form. Kept short on
 * purpose: V8 stops optimising a regex whose source passes about 20 KB, and the scan then runs
 * several times slower. (\s already covers no-break spaces.)
 */
function charSource(forms: Set<string>): string {
  const [ch] = forms;
  if (ch === '*') return '[a-zà-ɏ]*';
  if (ch === "'") return "['’]?";
  if (ch === ' ') return '[\\s-]+';
  const bare = foldAccents(ch);
  // Only positions where a phrase has an accent get a class: classes on every vowel make the
  // regex about ten times slower.
  const accented = [...forms].filter((f) => f !== bare);
  if (accented.length) return `[${accented.join('')}${bare}]`;
  return bare.replace(/[.+?^${}()|[\]\\/]/g, '\\$&');
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
  // One regex pass over the text; \b skips the insides of words, the trie rejects most word starts
  // on their first letter (a native scan: about 3 toLowerCase() passes, see npm run bench).
  const pattern = new RegExp(`\\b${source}`, 'gi');

  const cache = new Map<string, LexiconEntry[]>();
  const lookup = (span: string): LexiconEntry[] => {
    let hit = cache.get(span);
    if (hit) return hit;
    const key = keyOf(span);
    hit = exact.get(key);
    if (!hit) {
      const stem = stems.find((s) => key.startsWith(s.key));
      hit = stem ? stems.filter((s) => s.key === stem.key).map((s) => s.entry) : [];
    }
    if (cache.size > 5000) cache.clear();
    cache.set(span, hit);
    return hit;
  };

  return {
    detect(text: string): Detection {
      const counts = new Map<LexiconEntry, number>();
      const matches: Match[] = [];
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (end === start) {
          pattern.lastIndex++;
          continue;
        }
        // \b is ASCII-only: reject spans glued to other letters ("ción" inside "adicción").
        if (isWordChar(text[start - 1]) || isWordChar(text[end])) continue;
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
