import { bundledDetector } from '../shared/detect';
import { extractText } from '../shared/extract';
import { clearOverlay, drawOverlay } from './overlay';

/**
 * Mark the phrases behind the page's topics ("show on page"), drawn over the text in our own
 * closed element (see overlay.ts): the page's text nodes are never split. Returns how many were marked.
 */
export function showMatches(doc: Document): number {
  const { text, nodes, starts } = extractText(doc);
  const detection = bundledDetector().detect(text);
  const spans = detection.matches.filter((m) => m.weight > 0 && m.topic && detection.topics.includes(m.topic));
  const ranges = spans.map((span) => rangeFor(doc, nodes, starts, span.start, span.end)).filter((r): r is Range => r !== null);
  drawOverlay(doc, 'matches', ranges, 'rgb(253 230 138 / .75)');
  ranges[0]?.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return ranges.length;
}

export function hideMatches(doc: Document): void {
  clearOverlay(doc, 'matches');
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
