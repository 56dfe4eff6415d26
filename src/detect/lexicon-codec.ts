import type { Lexicon, LexiconEntry, TopicId } from './types';

/**
 * A compact text form of a lexicon for the content-script bundle (the JSON form is for editors):
 * one entry per line, `phrase|topic|weight|anchor|claim|context`. Less than half the bytes.
 */
const TOPIC_CODES: Record<TopicId, string> = { overdose: 'o', tough_love: 'l', treatment: 't' };
const CODE_TOPICS = Object.fromEntries(Object.entries(TOPIC_CODES).map(([k, v]) => [v, k])) as Record<string, TopicId>;

export function encodeLexicon(lexicon: Lexicon): string {
  const lines = lexicon.entries.map((e) =>
    [e.p, e.t ? TOPIC_CODES[e.t] : '', e.w ?? '', e.a ? '1' : '', e.c ?? '', e.x ?? ''].join('|').replace(/\|+$/, ''),
  );
  return [lexicon.lang, ...lines].join('\n');
}

export function decodeLexicon(text: string): Lexicon {
  const [lang, ...lines] = text.split('\n');
  const entries = lines.map((line): LexiconEntry => {
    const [p, t, w, a, c, x] = line.split('|');
    const entry: LexiconEntry = { p };
    if (t) entry.t = CODE_TOPICS[t];
    if (w) entry.w = Number(w);
    if (a) entry.a = true;
    if (c) entry.c = c;
    if (x) entry.x = Number(x);
    return entry;
  });
  return { lang, entries };
}
