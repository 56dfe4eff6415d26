import { docOf, indexRangeToPosition, indexText } from './text';
import type { AnchorRoot } from './types';

export const HIGHLIGHT_TAG = 'second-chance-mark';

/** Text inside these elements is never wrapped (it is not rendered, or the element's text is its value). */
const SKIP_PARENTS = new Set(['script', 'style', 'noscript', 'textarea', 'title', 'template', 'option']);
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * Wrap the text covered by `range` in <tag class=className> elements, one per text node piece.
 * Only existing text nodes are split and moved into new elements (no HTML strings, no attribute
 * besides class). Whitespace-only pieces, text inside script/style/textarea/title/option and text
 * in SVG or MathML are left alone, so tables, lists and styles stay valid. Returns the new
 * elements in document order (empty on any failure; never throws).
 */
export function highlightRange(range: Range, className: string, tag: string = HIGHLIGHT_TAG): HTMLElement[] {
  const marks: HTMLElement[] = [];
  try {
    if (range.collapsed) return marks;
    const common = range.commonAncestorContainer;
    const scope = (common.nodeType === 1 || common.nodeType === 9 || common.nodeType === 11 ? common : common.parentNode) as AnchorRoot | null;
    if (!scope) return marks;
    const index = indexText(scope);
    const { start, end } = indexRangeToPosition(index, range);
    const pieces: [CharacterData, number, number][] = [];
    index.nodes.forEach((node, i) => {
      const from = Math.max(start, index.starts[i]);
      const to = Math.min(end, index.starts[i + 1]);
      if (from < to) pieces.push([node, from - index.starts[i], to - index.starts[i]]);
    });
    const doc = docOf(scope);
    for (const [node, from, to] of pieces) {
      const parent = node.parentNode as Element | null;
      if (!parent || !/\S/.test(node.data.slice(from, to))) continue;
      if (parent.nodeType === 1 && (parent.namespaceURI !== HTML_NS || SKIP_PARENTS.has(parent.localName))) continue;
      let text = node as Text;
      if (to < text.data.length) text.splitText(to);
      if (from > 0) text = text.splitText(from);
      const mark = doc.createElement(tag);
      if (className) mark.className = className;
      parent.insertBefore(mark, text);
      mark.appendChild(text);
      marks.push(mark);
    }
  } catch {
    // A detached or foreign range: whatever was wrapped so far is returned.
  }
  return marks;
}

/** Merge a Text node with Text siblings on either side (undoing splitText). */
function mergeText(node: Node | null): void {
  if (!node || node.nodeType !== 3) return;
  let text = node as Text;
  const prev = text.previousSibling;
  if (prev && prev.nodeType === 3) {
    (prev as Text).appendData(text.data);
    text.remove();
    text = prev as Text;
  }
  const next = text.nextSibling;
  if (next && next.nodeType === 3) {
    text.appendData((next as Text).data);
    next.remove();
  }
}

/**
 * Unwrap every <tag> element under the root and merge the text nodes that highlighting split
 * apart, so the root's HTML and text are what they were before highlighting. Only text nodes next
 * to a removed element are merged (the rest of the page is not normalised). Returns how many
 * elements were removed.
 */
export function removeHighlights(root: AnchorRoot, tag: string = HIGHLIGHT_TAG): number {
  let marks: Element[];
  try {
    marks = Array.from(root.querySelectorAll(tag));
  } catch {
    return 0;
  }
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    const first = mark.firstChild;
    const last = mark.lastChild;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    mergeText(first);
    if (last !== first) mergeText(last);
  }
  return marks.length;
}
