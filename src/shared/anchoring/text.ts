import type { AnchorRoot, TextPosition } from './types';

/**
 * The root's text is the concatenation, in document order, of the data of every Text (and
 * CDATASection) node under it, exactly as a TreeWalker visits them. Nothing is normalised: no
 * whitespace collapsing, no case folding, and the text of <script>, <style>, <noscript> etc. is
 * included (for an element root it equals `root.textContent`). Shadow roots are not entered, so
 * Second Chance's own UI (all inside shadow roots) never shifts offsets.
 */
export interface TextIndex {
  text: string;
  nodes: CharacterData[];
  /** starts[i] is the offset of nodes[i]'s first character; starts has one extra entry: text.length. */
  starts: number[];
}

const SHOW_TEXT_AND_CDATA = 0x4 | 0x8; // NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION
const FOLLOWING = 0x4; // Node.DOCUMENT_POSITION_FOLLOWING
const CONTAINED_BY = 0x10; // Node.DOCUMENT_POSITION_CONTAINED_BY

export function docOf(node: Node): Document {
  return node.nodeType === 9 ? (node as Document) : (node.ownerDocument as Document);
}

/** One pass over the root's text nodes. */
export function indexText(root: AnchorRoot): TextIndex {
  const walker = docOf(root).createTreeWalker(root, SHOW_TEXT_AND_CDATA);
  const nodes: CharacterData[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = (n as CharacterData).data;
    nodes.push(n as CharacterData);
    starts.push(offset);
    parts.push(data);
    offset += data.length;
  }
  starts.push(offset);
  return { text: parts.join(''), nodes, starts };
}

/** The root's text, as defined above. */
export function getText(root: AnchorRoot): string {
  return indexText(root).text;
}

/** Index of the last node whose start is <= offset (binary search). */
function nodeAt(index: TextIndex, offset: number): number {
  let lo = 0;
  let hi = index.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A Range over text offsets [start, end) of the root, or null when the offsets are not
 * integers with 0 <= start <= end <= text length. Boundaries always sit inside text nodes: the
 * start in the node that holds character `start`, the end in the node that holds character
 * `end - 1`, so highlighting never produces empty pieces.
 */
export function indexPositionToRange(root: AnchorRoot, index: TextIndex, start: number, end: number): Range | null {
  const length = index.text.length;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) return null;
  const range = docOf(root).createRange();
  if (index.nodes.length === 0) {
    range.selectNodeContents(root);
    range.collapse(true);
    return range;
  }
  // nodeAt returns the last node starting at or before the offset, so never an empty node
  // (unless the offset is the very end of the text).
  const i = nodeAt(index, start);
  range.setStart(index.nodes[i], start - index.starts[i]);
  if (end === start) {
    range.collapse(true);
    return range;
  }
  const j = nodeAt(index, end - 1);
  range.setEnd(index.nodes[j], end - index.starts[j]);
  return range;
}

export function textPositionToRange(root: AnchorRoot, start: number, end: number): Range | null {
  try {
    return indexPositionToRange(root, indexText(root), start, end);
  } catch {
    return null;
  }
}

/**
 * The text offset of a boundary point (container, offset). Points outside the root clamp to 0 or
 * the text length; points between text nodes (element containers) map to the offset of the first
 * text node at or after them.
 */
export function pointToOffset(index: TextIndex, container: Node, offset: number): number {
  const { nodes, starts } = index;
  const type = container.nodeType;
  if (type === 3 || type === 4) {
    const i = nodes.indexOf(container as CharacterData);
    if (i >= 0) return starts[i] + Math.max(0, Math.min(offset, (container as CharacterData).data.length));
  }
  // "Is text node t at or after the point?" is monotonic in document order: binary search.
  let atOrAfter: (t: Node) => boolean;
  const isData = type === 3 || type === 4 || type === 7 || type === 8;
  const child = isData ? null : container.childNodes[offset];
  if (child) {
    atOrAfter = (t) => t === child || (child.compareDocumentPosition(t) & FOLLOWING) !== 0;
  } else {
    // After the container's last child (or inside a text/comment node outside the index).
    atOrAfter = (t) => {
      const pos = container.compareDocumentPosition(t);
      return (pos & FOLLOWING) !== 0 && (pos & CONTAINED_BY) === 0;
    };
  }
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (atOrAfter(nodes[mid])) hi = mid;
    else lo = mid + 1;
  }
  return starts[lo];
}

export function indexRangeToPosition(index: TextIndex, range: Range): TextPosition {
  const start = pointToOffset(index, range.startContainer, range.startOffset);
  const end = pointToOffset(index, range.endContainer, range.endOffset);
  return { start, end: Math.max(start, end) };
}

/** Text offsets of a Range relative to the root (clamped to the root). */
export function rangeToTextPosition(root: AnchorRoot, range: Range): TextPosition {
  return indexRangeToPosition(indexText(root), range);
}
