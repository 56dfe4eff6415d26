import type { Lexicon, LexiconEntry, TopicId } from './types';

/**
 * A compact text form of a lexicon for the content-script bundle (the JSON form is for editors).
 * Line 1: language; line 2: the claim ids used, comma-separated; then one entry per line,
 * `phrase|topic|weight|anchor|claim index|context`, trailing empty fields dropped. Less than half
 * the bytes of the JSON.
 */
const TOPIC_CODES: Record<TopicId, string> = { overdose: 'o', tough_love: 'l', treatment: 't' };
const CODE_TOPICS = Object.fromEntries(Object.entries(TOPIC_CODES).map(([k, v]) => [v, k])) as Record<string, TopicId>;

export function encodeLexicon(lexicon: Lexicon): string {
  const claims = [...new Set(lexicon.entries.flatMap((e) => (e.c ? [e.c] : [])))];
  const lines = lexicon.entries.map((e) =>
    [e.p, e.t ? TOPIC_CODES[e.t] : '', e.w ?? '', e.a ? '1' : '', e.c ? claims.indexOf(e.c) : '', e.x ?? ''].join('|').replace(/\|+$/, ''),
  );
  return [lexicon.lang, claims.join(','), ...lines].join('\n');
}

export function decodeLexicon(text: string): Lexicon {
  const [lang, claimList, ...lines] = text.split('\n');
  const claims = claimList.split(',');
  const entries = lines.map((line): LexiconEntry => {
    const [p, t, w, a, c, x] = line.split('|');
    const entry: LexiconEntry = { p };
    if (t) entry.t = CODE_TOPICS[t];
    if (w) entry.w = Number(w);
    if (a) entry.a = true;
    if (c) entry.c = claims[Number(c)];
    if (x) entry.x = Number(x);
    return entry;
  });
  return { lang, entries };
}
