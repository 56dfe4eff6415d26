/**
 * `npm run --silent detect -- FILE...` — for content editors: one JSON object per line per file,
 * `{"file", "topics", "scores", "claims", "matches"}`. HTML is reduced to its main text exactly as
 * the content script does (same extraction code, on a DOM built by happy-dom).
 */
import { Window } from 'happy-dom';
import { readFileSync } from 'node:fs';
import { bundledDetector } from '../src/shared/detect';
import { extractMainText } from '../src/shared/extract';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (!files.length) {
  console.error('usage: npm run --silent detect -- FILE... (plain text or HTML)');
  process.exit(2);
}

const detector = bundledDetector();
let failed = false;
for (const file of files) {
  try {
    const raw = readFileSync(file, 'utf8');
    const text = /^\s*<(!doctype|html|head|body|article|div|p)\b/i.test(raw) || /\.x?html?$/i.test(file) ? htmlToText(raw) : raw;
    const { topics, scores, claims, matches } = detector.detect(text);
    const spans = matches.map((m) => ({ ...m, text: text.slice(m.start, m.end) }));
    console.log(JSON.stringify({ file, topics, scores, claims, matches: spans }));
  } catch (error) {
    failed = true;
    console.log(JSON.stringify({ file, error: (error as Error).message }));
  }
}
// Not process.exit(): npm leaves stdout a non-blocking pipe, and exiting would drop queued writes.
process.exitCode = failed ? 1 : 0;

function htmlToText(html: string): string {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(html);
  const text = extractMainText(window.document as unknown as Document);
  void window.happyDOM.close();
  return text;
}
