/**
 * Training the detector (`npm run train:detect`) and checking it (`npm run eval:detect`): features,
 * a deterministic logistic regression, the sealed split, packing into src/shared/detect/model-data.ts.
 * Build-time only: nothing here runs in the extension.
 */
import { createHash } from 'node:crypto';
import en from '../../content-data/lexicon/en.json';
import es from '../../content-data/lexicon/es.json';
import { forEachWord, wordsOf } from '../../src/shared/detect/tokenize';
import { TOPICS, type Lexicon, type TopicId } from '../../src/shared/detect/types';
import type { PackedLanguage, PackedModel } from '../../src/shared/detect/model';
import type { CorpusItem } from '../../tools/corpus';
import { normalizeUrl } from '../../tools/exclusions';

export type Lang = 'en' | 'es';
export const LANGS: Lang[] = ['en', 'es'];
export const LEXICONS: Record<Lang, Lexicon> = { en: en as Lexicon, es: es as Lexicon };

/** Settings chosen by 5-fold cross-validation on the training part (never the sealed split). */
export const SETTINGS = {
  /** Features kept per language. */
  keep: 345,
  /** L2 penalty. */
  lambda: 0.0001,
  /** A feature must occur in this many training texts of its language (lexicon phrases: 1). */
  minDocs: 3,
  epochs: 400,
  learningRate: 0.5,
};
// Trying other settings (cross-validation only: `DETECT_SETTINGS='{"keep":600}' npm run eval:detect -- --cv-only`).
Object.assign(SETTINGS, JSON.parse(process.env.DETECT_SETTINGS ?? '{}'));

/** Function words: never a one-word feature on their own, and never shown as a reason. */
const STOP: Record<Lang, Set<string>> = {
  en: new Set('a an the and or but if of to in on at by for with from as is are was were be been being am it its this that these those there here he she they we you i me my mine him his her hers them their our your yours us who whom whose which what when where why how not no nor so than too very can could will would shall should may might must do does did done have has had having just also only then into out up down over about after before again all any both each few more most other some such own same s t don dont now one two get got like even much many well back still way'.split(' ')),
  es: new Set('a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas ellos en entre era es esa esas ese eso esos esta estaba estado estan estar este esto estos fue fueron ha habia han hasta hay la las le les lo los mas me mi mis muy nada ni no nos nuestra nuestro o os otra otro para pero poco por porque que quien se sea ser si sido sin sobre son su sus tambien te tiene tienen todo todos tu tus un una uno unos usted y ya yo asi cada puede pueden hace hacer solo'.split(' ')),
};
/** People words: common in family stories of every kind; they count, but are not shown as reasons. */
const PEOPLE = new Set('son sons daughter daughters husband wife mom mother dad father brother sister child children kid kids parent parents family boyfriend girlfriend partner friend hijo hija hijos hijas esposo esposa marido mujer madre padre hermano hermana nino nina ninos padres familia familiar familiares novio novia pareja amigo amiga'.split(' '));

export interface Doc {
  item: CorpusItem;
  lang: Lang;
  /** Feature key -> count (words and adjacent word pairs, as the runtime counts them). */
  counts: Map<string, number>;
  /** Uses of drug- and alcohol-use words (CONTEXT_STEMS). */
  ctx: number;
  y: boolean[];
}

/** Surface forms seen per key (lower-case, accents kept), for a readable display. */
const surfaces = new Map<string, Map<string, number>>();

export function featurize(item: CorpusItem): Doc {
  const counts = new Map<string, number>();
  let previous = '';
  let previousSurface = '';
  forEachWord(item.text, (key, start, end) => {
    const surface = item.text.slice(start, end).toLowerCase().replace(/\u2019/g, "'");
    const add = (k: string, s: string) => {
      counts.set(k, (counts.get(k) ?? 0) + 1);
      const forms = surfaces.get(k) ?? surfaces.set(k, new Map()).get(k)!;
      forms.set(s, (forms.get(s) ?? 0) + 1);
    };
    add(key, surface);
    if (previous) add(`${previous} ${key}`, `${previousSurface} ${surface}`);
    previous = key;
    previousSurface = surface;
  });
  return { item, lang: item.lang, counts, ctx: contextCount(item.text), y: TOPICS.map((t) => item.labels.includes(t)) };
}

export function display(key: string): string {
  const forms = surfaces.get(key);
  if (!forms) return key;
  return [...forms.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}

/** Words of the lexicons' phrases (stems as prefixes): the vocabulary people wrote about these topics. */
const LEXICON_WORDS: Record<Lang, { exact: Set<string>; stems: string[] }> = Object.fromEntries(
  LANGS.map((lang) => {
    const exact = new Set<string>();
    const stems: string[] = [];
    for (const e of LEXICONS[lang].entries) {
      const words = wordsOf(e.p);
      words.forEach((w, i) => (i === words.length - 1 && e.p.endsWith('*') ? stems.push(w) : exact.add(w)));
    }
    return [lang, { exact, stems }];
  }),
) as Record<Lang, { exact: Set<string>; stems: string[] }>;

/**
 * Shown to readers as a reason: a feature with a word of the lexicons' vocabulary that is not a
 * function or family word ("naloxone", "tough love", "relapsed"); "my son", "know" or "think"
 * count in the model but explain nothing to a reader.
 */
const shownKey = (lang: Lang, key: string) =>
  key.split(' ').some((w) => !STOP[lang].has(w) && !PEOPLE.has(w) && !/^\d+$/.test(w) && (LEXICON_WORDS[lang].exact.has(w) || LEXICON_WORDS[lang].stems.some((s) => w.startsWith(s))));

/** Lexicon phrases of one or two words, stems expanded to the words the corpus uses. */
function lexiconKeys(lang: Lang, vocabulary: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const entry of LEXICONS[lang].entries) {
    if (!entry.t || (entry.w ?? 0) === 0) continue;
    const words = wordsOf(entry.p);
    if (words.length > 2) continue;
    if (!entry.p.endsWith('*')) out.add(words.join(' '));
    else for (const key of vocabulary) if (key.split(' ').length === words.length && key.startsWith(words.join(' '))) out.add(key);
  }
  return out;
}

/** Candidate features: in minDocs+ training texts, not made of function words only, plus lexicon phrases. */
export function candidates(docs: Doc[], lang: Lang): string[] {
  const df = new Map<string, number>();
  for (const d of docs) if (d.lang === lang) for (const k of d.counts.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const lex = lexiconKeys(lang, new Set(df.keys()));
  const stop = STOP[lang];
  const out: string[] = [];
  for (const [k, n] of df) {
    const words = k.split(' ');
    if (words.every((w) => stop.has(w) || /^\d+$/.test(w) || w.length < 2)) continue;
    if (words.length === 1 && k.length < 3) continue;
    if (n >= SETTINGS.minDocs || lex.has(k)) out.push(k);
  }
  return out.sort();
}

interface Vectors {
  rows: { idx: Int32Array; val: Float32Array }[];
  /** Per text: how much it counts (the seeds, whose topics are the product's contract, count more). */
  weight: number[];
}

/** The five seed pages are the pages the product was made from: their topics are a contract. */
export const SEED_WEIGHT = 10;

function vectorize(docs: Doc[], index: Map<string, number>): Vectors {
  return {
    weight: docs.map((d) => (d.item.id.startsWith('seed-') ? SEED_WEIGHT : 1)),
    rows: docs.map((d) => {
      const idx: number[] = [];
      const val: number[] = [];
      for (const [k, n] of d.counts) {
        const i = index.get(k);
        if (i === undefined) continue;
        idx.push(i);
        val.push(Math.log1p(n));
      }
      const norm = Math.sqrt(val.reduce((s, v) => s + v * v, 0)) || 1;
      // The context count is the last feature, not scaled with the words.
      return { idx: Int32Array.from([...idx, index.size]), val: Float32Array.from([...val.map((v) => v / norm), Math.log1p(d.ctx)]) };
    }),
  };
}

/** Logistic regression per topic: full-batch gradient descent with L2, classes weighted to balance. */
function fit(x: Vectors, ys: boolean[][], features: number): { w: Float64Array[]; b: number[] } {
  const out = { w: [] as Float64Array[], b: [] as number[] };
  const n = x.rows.length;
  TOPICS.forEach((_, t) => {
    const y = ys.map((row) => row[t]);
    const pos = y.filter(Boolean).length;
    const wPos = pos ? n / (2 * pos) : 1;
    const wNeg = n - pos ? n / (2 * (n - pos)) : 1;
    const w = new Float64Array(features);
    let b = 0;
    // Adam, deterministic (fixed order, no sampling).
    const m = new Float64Array(features + 1);
    const v = new Float64Array(features + 1);
    const g = new Float64Array(features + 1);
    for (let epoch = 1; epoch <= SETTINGS.epochs; epoch++) {
      g.fill(0);
      for (let r = 0; r < n; r++) {
        const { idx, val } = x.rows[r];
        let z = b;
        for (let j = 0; j < idx.length; j++) z += w[idx[j]] * val[j];
        const p = 1 / (1 + Math.exp(-z));
        const err = (p - (y[r] ? 1 : 0)) * (y[r] ? wPos : wNeg) * x.weight[r];
        for (let j = 0; j < idx.length; j++) g[idx[j]] += err * val[j];
        g[features] += err;
      }
      for (let i = 0; i < features; i++) g[i] = g[i] / n + SETTINGS.lambda * w[i];
      g[features] /= n;
      const lr = SETTINGS.learningRate * 0.1;
      for (let i = 0; i <= features; i++) {
        m[i] = 0.9 * m[i] + 0.1 * g[i];
        v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
        const step = (lr * (m[i] / (1 - 0.9 ** epoch))) / (Math.sqrt(v[i] / (1 - 0.999 ** epoch)) + 1e-8);
        if (i === features) b -= step;
        else w[i] -= step;
      }
    }
    out.w.push(w);
    out.b.push(b);
  });
  return out;
}

export interface LanguageModel {
  lang: Lang;
  keys: string[];
  /** [feature][topic] */
  weights: number[][];
  /** Per topic: weight of log(1 + context uses). */
  ctx: number[];
  bias: number[];
}

/** Train one language: all candidates, keep the strongest, train again on those, quantise. */
export function trainLanguage(docs: Doc[], lang: Lang): LanguageModel {
  const own = docs.filter((d) => d.lang === lang);
  let keys = candidates(own, lang);
  let index = new Map(keys.map((k, i) => [k, i]));
  let model = fit(vectorize(own, index), own.map((d) => d.y), keys.length + 1);
  const strength = keys.map((_, i) => Math.max(...model.w.map((w) => Math.abs(w[i]))));
  keys = keys.map((k, i) => [k, strength[i]] as const).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, SETTINGS.keep).map(([k]) => k).sort();
  index = new Map(keys.map((k, i) => [k, i]));
  model = fit(vectorize(own, index), own.map((d) => d.y), keys.length + 1);
  // Quantised exactly as shipped, so every evaluation measures the shipped numbers.
  const max = Math.max(...model.w.flatMap((w) => [...w.subarray(0, keys.length)].map(Math.abs)), 1e-9);
  const scale = max / 127;
  const weights = keys.map((_, i) => model.w.map((w) => Math.round(w[i] / scale) * scale));
  const r3 = (n: number) => Math.round(n * 1000) / 1000;
  return { lang, keys, weights, ctx: model.w.map((w) => r3(w[keys.length])), bias: model.b.map(r3) };
}

/** The shipped scoring, on training-side documents (same features, same arithmetic as src/shared/detect/model.ts). */
export function predict(model: LanguageModel, doc: Doc): { topics: TopicId[]; z: number[] } {
  const index = new Map(model.keys.map((k, i) => [k, i]));
  let norm = 0;
  const hits: [number, number][] = [];
  for (const [k, n] of doc.counts) {
    const i = index.get(k);
    if (i === undefined) continue;
    hits.push([i, Math.log1p(n)]);
    norm += Math.log1p(n) ** 2;
  }
  norm = Math.sqrt(norm) || 1;
  const z = TOPICS.map((_, t) => hits.reduce((s, [i, v]) => s + (model.weights[i][t] * v) / norm, model.bias[t] + model.ctx[t] * Math.log1p(doc.ctx)));
  // A page that uses no drug- or alcohol-use word is about none of the topics.
  return { topics: doc.ctx ? TOPICS.filter((_, t) => z[t] > 0) : [], z };
}

/** Stable 0..1 per page (seeded hash of its normalised URL). */
const unit = (seed: string, item: CorpusItem) => parseInt(createHash('sha256').update(`${seed}:${normalizeUrl(item.url) || item.id}`).digest('hex').slice(0, 8), 16) / 2 ** 32;

export const SEAL_SEED = 'second-chance-sealed-2026-12';

/**
 * The sealed test split: a page is sealed when a seeded hash of its normalised URL falls below
 * 0.3. Decided page by page, so a page never changes sides as the corpus grows (a rank within each
 * stratum would move pages the model was trained on into the test split); `npm run eval:detect`
 * prints each stratum's share (language x label set x hard), which is about 30% in expectation.
 * The seeds (the product's own demo pages) are always trained on. Never used for training or for
 * choosing settings.
 */
export const SEALED_SHARE = 0.3;

export function sealedIds(items: CorpusItem[]): Set<string> {
  return new Set(items.filter((item) => !item.id.startsWith('seed-') && unit(SEAL_SEED, item) < SEALED_SHARE).map((item) => item.id));
}

export const stratum = (item: CorpusItem) => `${item.lang}|${[...item.labels].sort().join(',') || 'none'}|${item.hard ? 'hard' : 'plain'}`;

/** 5 stratified folds of the training part (fixed seed). */
export function folds(items: CorpusItem[], k = 5): CorpusItem[][] {
  const out: CorpusItem[][] = Array.from({ length: k }, () => []);
  const strata = new Map<string, CorpusItem[]>();
  for (const item of items) {
    const key = `${item.lang}|${[...item.labels].sort().join(',')}`;
    (strata.get(key) ?? strata.set(key, []).get(key)!).push(item);
  }
  let next = 0;
  for (const key of [...strata.keys()].sort()) {
    for (const item of strata.get(key)!.sort((a, b) => unit('folds', a) - unit('folds', b) || (a.id < b.id ? -1 : 1))) out[next++ % k].push(item);
  }
  return out;
}

/** Words that start the first pass: a page must use one of them to be read further. */
export const GATE_STEMS = [
  // English
  'overdos', "od'd", 'naloxon', 'narcan', 'fentanyl', 'opioid', 'opiate', 'heroin', 'oxycodon', 'oxycontin', 'methadon', 'buprenorph', 'suboxone', 'sublocade', 'vivitrol', 'naltrexon', 'addict', 'alcoh', 'drunk', 'drinker', 'drinking', 'drinks', 'drug', 'substance', 'rehab', 'detox', 'sober', 'sobriety', 'relaps', 'recovery', 'al-anon', 'nar-anon', 'enabl', 'tough love', 'rock bottom', 'intervention', 'meth', 'cocaine', 'crack', 'pills', 'harm reduction', 'syringe', 'needle', 'xylazine', 'using', 'high', 'dependence', 'treatment',
  // Spanish
  'sobredosis', 'naloxona', 'fentanilo', 'opioide', 'opiaceo', 'opiáceo', 'heroína', 'heroina', 'metadona', 'buprenorfina', 'adicci', 'adicto', 'droga', 'sustancia', 'consumo', 'consumi', 'desintox', 'rehabilitaci', 'recaída', 'recaida', 'codependen', 'amor duro', 'tocar fondo', 'intervenci', 'cocaína', 'cocaina', 'tratamiento', 'sobriedad', 'sobrio', 'al-anon', 'narcóticos', 'narcoticos', 'jeringa', 'reducción de daños', 'borrach', 'emborrach', 'beber', 'bebe',
];

/**
 * Words that are about drug or alcohol use and nothing else. How often a page uses them is one more
 * feature of the model, and a page that uses none is about none of the topics ("treatment" of
 * water, hair or knees).
 */
export const CONTEXT_STEMS = [
  'addict', 'alcoh', 'drug', 'opioid', 'opiate', 'fentan', 'heroin', 'cocain', 'methamph', 'narcot', 'overdos', 'naloxon', 'narcan', 'substance use', 'substance abuse', 'methadon', 'buprenorph', 'suboxone', 'sober', 'sobri', 'drunk', 'al-anon', 'nar-anon', 'xylazine', 'detox', 'his drinking', 'her drinking', 'my drinking', 'own drinking', 'their drinking', 'drinks too much', 'drink too much', 'drinking problem', 'problem drinking', 'heavy drinking', 'binge drinking',
  'sobredosis', 'droga', 'adicci', 'adicto', 'sustancia', 'heroín', 'opiáce', 'opiace', 'metadon', 'buprenorf', 'desintox', 'cocaín', 'alcohól', 'narcótic', 'borrach', 'emborrach', 'bebe demasiado', 'forma de beber',
];

export function contextSource(): string {
  return stemsSource(CONTEXT_STEMS);
}

/** Context uses of a text, as the runtime counts them (capped). */
export function contextCount(text: string): number {
  const re = new RegExp(contextSource(), 'gi');
  let n = 0;
  while (n < 50 && re.exec(text)) n++;
  return n;
}

function stemsSource(list: string[]): string {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+').replace(/-/g, '[\\s-]?');
  const stems = [...new Set(list.map((s) => s.toLowerCase()))].sort();
  return `\\b(?:${stems.map(escape).join('|')})`;
}

export function gateSource(): string {
  return stemsSource(GATE_STEMS);
}

const TOPIC_CODES: Record<TopicId, string> = { overdose: 'o', tough_love: 'l', treatment: 't' };

export function claimLines(): string {
  const lines: string[] = [];
  for (const lang of LANGS) for (const e of LEXICONS[lang].entries) if (e.c && e.t) lines.push(`${e.p}|${e.c}|${TOPIC_CODES[e.t]}`);
  return [...new Set(lines)].sort().join('\n');
}

export function pack(models: LanguageModel[]): PackedModel {
  const langs: PackedLanguage[] = models.map((m) => {
    const entries = m.keys.map((k, i) => ({ text: `${shownKey(m.lang, k) ? '' : '!'}${display(k)}`, w: m.weights[i] })).sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    const max = Math.max(...entries.flatMap((e) => e.w.map(Math.abs)), 1e-9);
    const scale = max / 127;
    let previous = '';
    const lines = entries.map((e) => {
      let shared = 0;
      while (shared < 35 && shared < previous.length && previous[shared] === e.text[shared]) shared++;
      previous = e.text;
      return shared.toString(36) + e.text.slice(shared);
    });
    const bytes = Buffer.from(entries.flatMap((e) => e.w.map((w) => Math.round(w / scale) & 0xff)));
    return { lang: m.lang, features: lines.join('\n'), weights: bytes.toString('base64'), scale: Number(scale.toPrecision(6)), ctx: m.ctx, bias: m.bias };
  });
  return { gate: gateSource(), context: contextSource(), langs, claims: claimLines() };
}
