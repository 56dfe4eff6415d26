import { highlightRange, removeHighlights } from '../shared/anchoring/highlight';
import { bundledDetector } from '../shared/detect';
import { extractText } from '../shared/extract';

/** Marks for the detector's matched phrases ("show on page"); snippets use their own tag. */
export const MATCH_TAG = 'second-chance-match';
const STYLE_ID = 'second-chance-match-style';

/**
 * Mark the phrases behind the page's topics. Only our prefixed elements and one prefixed style
 * are added; hideMatches removes them and restores the text nodes. Returns how many were marked.
 */
export function showMatches(doc: Document): number {
  hideMatches(doc);
  const { text, nodes, starts } = extractText(doc);
  const detection = bundledDetector().detect(text);
  const spans = detection.matches.filter((m) => m.weight > 0 && m.topic && detection.topics.includes(m.topic));
  let marked = 0;
  // Last first: splitting a text node leaves earlier offsets in it valid.
  for (const span of [...spans].reverse()) {
    const range = rangeFor(doc, nodes, starts, span.start, span.end);
    if (range) marked += highlightRange(range, '', MATCH_TAG).length ? 1 : 0;
  }
  if (marked) {
    const style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = `${MATCH_TAG} { background: #fde68a !important; color: #1f2937 !important; border-radius: 2px; box-shadow: 0 0 0 1px #d97706; }`;
    (doc.head ?? doc.documentElement).append(style);
    doc.querySelector(MATCH_TAG)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }
  return marked;
}

export function hideMatches(doc: Document): void {
  removeHighlights(doc.body ?? doc.documentElement, MATCH_TAG);
  doc.getElementById(STYLE_ID)?.remove();
}

/** A DOM range for [start, end) of the extracted text (nodes are joined by one space). */
function rangeFor(doc: Document, nodes: Text[], starts: number[], start: number, end: number): Range | null {
  const at = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { node: nodes[lo], offset: Math.min(offset - starts[lo], nodes[lo]?.length ?? 0) };
  };
  const a = at(start);
  const b = at(end - 1);
  if (!a.node || !b.node) return null;
  const range = doc.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, Math.min(b.offset + 1, b.node.length));
  return range;
}
