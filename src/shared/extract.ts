/** Elements whose text is not the page's reading content. */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'HEADER', 'FOOTER', 'ASIDE', 'SVG', 'CANVAS', 'IFRAME',
  'SELECT', 'OPTION', 'BUTTON', 'TEXTAREA', 'INPUT', 'CODE', 'PRE', 'HEAD', 'OBJECT',
]);

/** About 16,000 words: enough to tell what a page is about, small enough to read in one idle task. */
export const MAX_TEXT = 100_000;

export interface ExtractedText {
  text: string;
  /** The text nodes read, and where each starts in `text` (nodes are joined with one space). */
  nodes: Text[];
  starts: number[];
}

/** The page's main text (see extractText). */
export function extractMainText(doc: Document, cap = MAX_TEXT): string {
  return extractText(doc, cap).text;
}

/**
 * The page's main text, read with a TreeWalker (no layout: no innerText, no computed styles).
 * Skips navigation, chrome, scripts, hidden elements and our own elements; stops at `cap` characters.
 */
export function extractText(doc: Document, cap = MAX_TEXT): ExtractedText {
  const root = doc.body ?? doc.documentElement;
  if (!root) return { text: '', nodes: [], starts: [] };
  const NodeFilterRef = doc.defaultView?.NodeFilter ?? NodeFilter;
  const walker = doc.createTreeWalker(root, NodeFilterRef.SHOW_ELEMENT | NodeFilterRef.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === 3) return NodeFilterRef.FILTER_ACCEPT;
      const el = node as Element;
      if (SKIP.has(el.tagName.toUpperCase()) || el.tagName.toLowerCase().startsWith('second-chance-') || isHidden(el)) {
        return NodeFilterRef.FILTER_REJECT;
      }
      return NodeFilterRef.FILTER_SKIP;
    },
  });
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node && length < cap; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (!text.trim()) continue;
    parts.push(text);
    nodes.push(node as Text);
    starts.push(length);
    length += text.length + 1;
  }
  return { text: parts.join(' ').slice(0, cap), nodes, starts };
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}
