import { describe, findQuote } from '../shared/anchoring';
import { indexPositionToRange, type TextIndex } from '../shared/anchoring/text';
import { CONTEXT_LENGTH } from '../shared/anchoring/types';
import type { SnippetAnchor, ToolCalls } from '../messaging/protocol';
import { receive, type Receivers } from '../shared/calls';
import { hideMatches, showMatches } from './highlight-matches';
import { clearOverlay, drawOverlay } from './overlay';

/** The most main-thread time one slice of work may take before yielding to the page. */
const SLICE_MS = 15;
/** Fuzzy search work per quote (word steps; see anchoring/index.ts): a few ms, not tens. */
const FUZZY_BUDGET = 1 << 20;
/** Quotes not found in a text of this length before: not searched again until the text changes. */
const orphans = new Set<string>();

/**
 * The page tool: injected into a tab only when the READER acts (saves a quote, asks to see saved
 * quotes or the matched phrases), never on its own, so nothing a page can observe depends on what
 * the reader saved. It writes nothing into the page's DOM except our own closed overlay. Replies
 * are plain data; the background validates them.
 */
const receivers: Receivers<ToolCalls, Document> = {
  highlight: ({ on }, doc) => {
    if (!on) return hideMatches(doc), { done: true };
    return { done: showMatches(doc) > 0 };
  },
  captureSelection: (_call, doc) => captureSelection(doc),
  showSnippets: ({ items }, doc) => showSnippets(doc, items),
  hideSnippets: (_call, doc) => {
    clearOverlay(doc, 'marks');
    return { done: true };
  },
};

/** Answer a command from the background; undefined for anything that is not one. */
export function runToolCommand(doc: Document, message: unknown): { reply: unknown } | undefined {
  return receive(receivers, message, doc);
}

/**
 * The selection as selectors. The page URL is NOT taken from here (the background uses the URL the
 * browser reports for the tab); the canonical link is only a candidate the background checks.
 * Prefix and suffix stay inside the quote's block (paragraph, list item…): context from another
 * block makes a text-fragment link fail.
 */
function captureSelection(doc: Document): ToolCalls['captureSelection']['reply'] {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !selection.toString().trim()) return { error: 'no-selection' };
  const range = selection.getRangeAt(0);
  const selectors = describe(doc.body, range);
  const { prefix, suffix } = blockContext(doc, range);
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return { ...selectors, quote: { ...selectors.quote, prefix, suffix }, ...(canonical ? { canonicalUrl: canonical } : {}), title: doc.title };
}

function blockOf(doc: Document, node: Node): Node {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const view = doc.defaultView;
  while (el && el !== doc.body && el !== doc.documentElement) {
    const display = view?.getComputedStyle(el).display ?? 'block';
    if (!display.startsWith('inline') && display !== 'contents') return el;
    el = el.parentElement;
  }
  return el ?? doc.body;
}

export function blockContext(doc: Document, range: Range): { prefix: string; suffix: string } {
  try {
    const before = doc.createRange();
    before.selectNodeContents(blockOf(doc, range.startContainer));
    before.setEnd(range.startContainer, range.startOffset);
    const after = doc.createRange();
    after.selectNodeContents(blockOf(doc, range.endContainer));
    after.setStart(range.endContainer, range.endOffset);
    return { prefix: before.toString().slice(-CONTEXT_LENGTH), suffix: after.toString().slice(0, CONTEXT_LENGTH) };
  } catch {
    return { prefix: '', suffix: '' };
  }
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The root's text index (as indexText), read in slices of SLICE_MS: a page with tens of thousands
 * of text nodes takes longer than one acceptable task to walk. Text added while we yield may be
 * missed, and text changed while we yield is caught when each match is checked.
 */
async function indexTextInSlices(root: HTMLElement): Promise<TextIndex> {
  const walker = root.ownerDocument.createTreeWalker(root, 0x4 | 0x8); // text and CDATA, as indexText
  const nodes: CharacterData[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  let slice = performance.now();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = (n as CharacterData).data;
    nodes.push(n as CharacterData);
    starts.push(offset);
    parts.push(data);
    offset += data.length;
    if ((nodes.length & 255) === 0 && performance.now() - slice > SLICE_MS) {
      await yieldToPage();
      slice = performance.now();
    }
  }
  starts.push(offset);
  const index = { text: parts.join(''), nodes, starts };
  await yieldToPage();
  return index;
}

/**
 * Find each saved quote and draw it in our overlay, on the reader's request only. One text index
 * per pass (in its own task), a bounded fuzzy search per quote, a yield to the page whenever a
 * slice passes SLICE_MS (no long task), and quotes already missing from a text of the same length
 * are not searched again. A match whose text changed while we yielded counts as not found.
 * Reports which were found (visibly) and which not; the sidebar lists the latter.
 */
async function showSnippets(doc: Document, items: SnippetAnchor[]) {
  clearOverlay(doc, 'marks');
  const root = doc.body ?? doc.documentElement;
  const index = await indexTextInSlices(root);
  const found: { id: number; range: Range; text: string }[] = [];
  const orphaned: number[] = [];
  let slice = performance.now();
  for (const item of items) {
    if (performance.now() - slice > SLICE_MS) {
      await yieldToPage();
      slice = performance.now();
    }
    const key = `${item.id}|${item.quote.exact.length}|${index.text.length}`;
    const match = orphans.has(key) ? null : findQuote(index.text, item, { budget: FUZZY_BUDGET });
    let range: Range | null = null;
    try {
      range = match && indexPositionToRange(root, index, match.start, match.end);
    } catch {
      range = null;
    }
    if (range && match) found.push({ id: item.id, range, text: index.text.slice(match.start, match.end) });
    else {
      orphans.add(key);
      orphaned.push(item.id);
    }
  }
  await yieldToPage();
  const placed: number[] = [];
  const ranges: Range[] = [];
  for (const { id, range, text } of found) {
    // Only text that is still there and that the reader can see counts (a hidden copy does not).
    if (range.toString() === text && [...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) {
      placed.push(id);
      ranges.push(range);
    } else orphaned.push(id);
  }
  drawOverlay(doc, 'marks', ranges, 'rgb(186 230 253 / .8)');
  ranges[0]?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  return { placed, orphaned };
}
