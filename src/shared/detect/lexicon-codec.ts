import type { Lexicon, LexiconEntry, TopicId } from './types';

/**
 * A compact text form of a lexicon for the content-script bundle (the JSON form is for editors).
 * Line 1: language; line 2: the claim ids used, comma-separated; then one entry per line, sorted
 * by phrase and front-coded (one base-36 digit: characters shared with the previous phrase),
 * `phrase|topic|weight|anchor|claim index|context`, trailing empty fields dropped. About a third
 * of the bytes of the JSON.
 */
const TOPIC_CODES: Record<TopicId, string> = { overdose: 'o', tough_love: 'l', treatment: 't' };
const CODE_TOPICS = Object.fromEntries(Object.entries(TOPIC_CODES).map(([k, v]) => [v, k])) as Record<string, TopicId>;

export function encodeLexicon(lexicon: Lexicon): string {
  const claims = [...new Set(lexicon.entries.flatMap((e) => (e.c ? [e.c] : [])))];
  let previous = '';
  const sorted = [...lexicon.entries].sort((a, b) => (a.p < b.p ? -1 : a.p > b.p ? 1 : 0));
  const lines = sorted.map((e) => {
    let shared = 0;
    while (shared < 35 && shared < previous.length && previous[shared] === e.p[shared]) shared++;
    previous = e.p;
    const fields = [e.p.slice(shared), e.t ? TOPIC_CODES[e.t] : '', e.w ?? '', e.a ? '1' : '', e.c ? claims.indexOf(e.c) : '', e.x ?? ''];
    return shared.toString(36) + fields.join('|').replace(/\|+$/, '');
  });
  return [lexicon.lang, claims.join(','), ...lines].join('\n');
}

export function decodeLexicon(text: string): Lexicon {
  const [lang, claimList, ...lines] = text.split('\n');
  const claims = claimList.split(',');
  let previous = '';
  const entries = lines.map((line): LexiconEntry => {
    const [rest, t, w, a, c, x] = line.slice(1).split('|');
    const p = previous.slice(0, parseInt(line[0], 36)) + rest;
    previous = p;
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
