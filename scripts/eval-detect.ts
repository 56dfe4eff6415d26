/** `npm run eval:detect`: per-topic precision/recall/F1 on the labelled corpus, and every miss. */
import { bundledDetector, TOPICS } from '../src/shared/detect';
import { evaluate, loadCorpus } from '../tools/corpus';

const detector = bundledDetector();
const corpus = loadCorpus();
const results = corpus.map((item) => ({ ...item, detection: detector.detect(item.text) }));
const metrics = evaluate(results.map((r) => ({ labels: r.labels, predicted: r.detection.topics })));

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
console.log(`Corpus: ${corpus.length} texts (${corpus.filter((c) => c.hard).length} hard negatives, ${corpus.filter((c) => c.lang === 'es').length} Spanish)\n`);
console.log('topic        precision  recall     F1     (tp/fp/fn)');
for (const topic of TOPICS) {
  const m = metrics[topic];
  console.log(`${topic.padEnd(12)} ${pct(m.precision).padStart(9)} ${pct(m.recall).padStart(8)} ${pct(m.f1).padStart(7)}   (${m.tp}/${m.fp}/${m.fn})`);
}
const wrong = results.filter((r) => TOPICS.some((t) => r.labels.includes(t) !== r.detection.topics.includes(t)));
console.log(`\nMisclassified: ${wrong.length}`);
for (const r of wrong) {
  console.log(`- ${r.id} [${r.kind}] expected [${r.labels.join(', ')}] got [${r.detection.topics.join(', ')}] scores ${JSON.stringify(r.detection.scores)} context ${r.detection.context}`);
}
