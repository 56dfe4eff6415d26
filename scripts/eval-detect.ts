/**
 * `npm run eval:detect`: how the detector does on pages it was not trained on.
 * - 5-fold cross-validation on the training part: each fold's model is trained from scratch (the
 *   same pipeline as `npm run train:detect`) on the other four folds.
 * - The sealed split (30% of each stratum, fixed seed), scored once with the shipped model
 *   (src/shared/detect/model-data.ts, trained without it). Never used to choose settings.
 * Per topic and language: precision, recall, F1; false notices on everyday pages; every miss.
 * `--json` prints one JSON object.
 */
import { bundledDetector } from '../src/shared/detect';
import { TOPICS, type TopicId } from '../src/shared/detect/types';
import { evaluate, readCorpus, type CorpusItem, type TopicMetrics } from '../tools/corpus';
import { featurize, folds, gateSource, LANGS, predict, sealedIds, stratum, trainLanguage } from './lib/detect-train';

const json = process.argv.includes('--json');
/** Only the cross-validation: for choosing settings, which must never look at the sealed split. */
const cvOnly = process.argv.includes('--cv-only');
const { items, excluded, duplicates, invalid } = readCorpus();
const sealed = sealedIds(items);
const train = items.filter((i) => !sealed.has(i.id));
const test = items.filter((i) => sealed.has(i.id));

type Result = { item: CorpusItem; predicted: TopicId[] };

// Cross-validation on the training part.
const cv: Result[] = [];
for (const [k, fold] of folds(train).entries()) {
  const held = new Set(fold.map((i) => i.id));
  const docs = train.filter((i) => !held.has(i.id)).map(featurize);
  const models = Object.fromEntries(LANGS.map((lang) => [lang, trainLanguage(docs, lang)]));
  for (const item of fold) cv.push({ item, predicted: predict(models[item.lang], featurize(item)).topics });
  if (!json) process.stderr.write(`fold ${k + 1}/5 done\n`);
}
// The sealed split, through the shipped detector exactly as the extension runs it.
const detector = bundledDetector();
const sealedResults: Result[] = cvOnly ? [] : test.map((item) => ({ item, predicted: detector.detect(item.text).topics }));

function table(results: Result[]) {
  const rows: ({ lang: string; topic: TopicId; n: number; positives: number } & TopicMetrics)[] = [];
  for (const lang of ['all', ...LANGS]) {
    const subset = results.filter((r) => lang === 'all' || r.item.lang === lang);
    const m = evaluate(subset.map((r) => ({ labels: r.item.labels, predicted: r.predicted })));
    for (const topic of TOPICS) rows.push({ lang, topic, n: subset.length, positives: m[topic].tp + m[topic].fn, ...m[topic] });
  }
  const everyday = results.filter((r) => r.item.kind === 'everyday' && !r.item.labels.length);
  return { rows, everyday: { pages: everyday.length, falseNotices: everyday.filter((r) => r.predicted.length).length } };
}

const wrong = (results: Result[]) =>
  results.filter((r) => TOPICS.some((t) => r.item.labels.includes(t) !== r.predicted.includes(t))).map((r) => ({ id: r.item.id, lang: r.item.lang, kind: r.item.kind, labels: r.item.labels, predicted: r.predicted, title: r.item.title.slice(0, 80) }));

// The first pass must never turn away a page about a topic.
const gate = new RegExp(gateSource(), 'i');
const gateMisses = items.filter((i) => i.labels.length && !gate.test(i.text)).map((i) => i.id);
const gatePassesNegatives = items.filter((i) => !i.labels.length && gate.test(i.text)).length;

const report = {
  gate: { positivesTurnedAway: gateMisses, negativesRead: gatePassesNegatives, negatives: items.filter((i) => !i.labels.length).length },
  corpus: {
    items: items.length,
    spanish: items.filter((i) => i.lang === 'es').length,
    hardNegatives: items.filter((i) => i.hard && !i.labels.length).length,
    everyday: items.filter((i) => i.kind === 'everyday').length,
    perTopic: Object.fromEntries(TOPICS.map((t) => [t, items.filter((i) => i.labels.includes(t)).length])),
    dropped: { excluded: excluded.length, duplicates: duplicates.length, invalid },
    train: train.length,
    sealed: test.length,
    sealedShareByStratum: Object.fromEntries([...new Set(items.map(stratum))].sort().map((k) => { const all = items.filter((i) => stratum(i) === k); return [k, `${all.filter((i) => sealed.has(i.id)).length}/${all.length}`]; })),
  },
  crossValidation: { ...table(cv), misclassified: wrong(cv) },
  sealed: { ...table(sealedResults), misclassified: wrong(sealedResults) },
};

if (json) console.log(JSON.stringify(report));
else {
  const c = report.corpus;
  console.log(`Corpus: ${c.items} texts (${c.spanish} Spanish, ${c.hardNegatives} hard negatives, ${c.everyday} everyday pages); train ${c.train}, sealed ${c.sealed}`);
  console.log(`  per topic: ${JSON.stringify(c.perTopic)}; dropped: ${c.dropped.excluded} excluded, ${c.dropped.duplicates} duplicates, ${c.dropped.invalid.length} invalid`);
  console.log(`  sealed per stratum (language|labels|hard): ${Object.entries(c.sealedShareByStratum).map(([k, v]) => `${k} ${v}`).join('; ')}`);
  console.log(`  first pass: ${report.gate.positivesTurnedAway.length} pages about a topic turned away ${JSON.stringify(report.gate.positivesTurnedAway)}; ${report.gate.negativesRead} of ${report.gate.negatives} other pages read further`);
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7);
  for (const [name, part] of [['5-fold cross-validation (training part)', report.crossValidation], ...(cvOnly ? [] : [['Sealed split (shipped model)', report.sealed]] as const)] as const) {
    console.log(`\n${name}`);
    console.log('lang  topic        n    pos  precision  recall      F1   tp/fp/fn');
    for (const r of part.rows) {
      console.log(`${r.lang.padEnd(5)} ${r.topic.padEnd(11)} ${String(r.n).padStart(4)} ${String(r.positives).padStart(5)}  ${pct(r.precision)}    ${pct(r.recall)} ${pct(r.f1)}   ${r.tp}/${r.fp}/${r.fn}`);
    }
    console.log(`everyday pages: ${part.everyday.falseNotices} false notices in ${part.everyday.pages}`);
    console.log(`misclassified (${part.misclassified.length}):`);
    for (const w of part.misclassified) console.log(`- ${w.id} [${w.lang}, ${w.kind}] expected [${w.labels.join(', ')}] got [${w.predicted.join(', ')}] ${w.title}`);
  }
}
