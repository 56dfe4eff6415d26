import { anchor, describe, HIGHLIGHT_TAG, highlightRange, removeHighlights } from '../shared/anchoring';
import type { SnippetAnchor, ToolCalls } from '../messaging/protocol';
import { receive, type Receivers } from '../shared/calls';
import { hideMatches, showMatches } from './highlight-matches';

const TOAST_TAG = 'second-chance-toast';

/**
 * The page tool: injected into a tab only when the reader saves a quote, revisits a page with saved
 * quotes, or asks to see the matched phrases, so other pages never load this code. Replies are plain data; the background
 * validates them.
 */
const receivers: Receivers<ToolCalls, Document> = {
  highlight: ({ on }, doc) => {
    if (!on) return hideMatches(doc), { done: true };
    return { done: showMatches(doc) > 0 };
  },
  captureSelection: (_call, doc) => captureSelection(doc),
  showSnippets: ({ items }, doc) => showSnippets(doc, items),
  snippetSaved: ({ message }, doc) => {
    toast(doc, message);
    return { done: true };
  },
  snippetNotSaved: ({ message }, doc) => {
    toast(doc, message, '#991b1b');
    return { done: true };
  },
};

/** Answer a command from the background; undefined for anything that is not one. */
export function runToolCommand(doc: Document, message: unknown): { reply: unknown } | undefined {
  return receive(receivers, message, doc);
}

function captureSelection(doc: Document): ToolCalls['captureSelection']['reply'] {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !selection.toString().trim()) return { error: 'no-selection' };
  const range = selection.getRangeAt(0);
  const selectors = describe(doc.body, range);
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return { ...selectors, url: doc.location.href, ...(canonical ? { canonicalUrl: canonical } : {}), title: doc.title };
}

/** Mark each saved quote; report which could not be found (the sidebar lists those separately). */
function showSnippets(doc: Document, items: SnippetAnchor[]) {
  removeHighlights(doc.body, HIGHLIGHT_TAG);
  const placed: number[] = [];
  const orphaned: number[] = [];
  for (const item of items) {
    const range = anchor(doc.body, item);
    const marks = range ? highlightRange(range, '') : [];
    (marks.length ? placed : orphaned).push(item.id);
  }
  if (placed.length && !doc.getElementById('second-chance-mark-style')) {
    const style = doc.createElement('style');
    style.id = 'second-chance-mark-style';
    style.textContent = `${HIGHLIGHT_TAG} { background: #bae6fd !important; color: #1f2937 !important; border-bottom: 2px solid #0369a1; }`;
    (doc.head ?? doc.documentElement).append(style);
  }
  return { placed, orphaned };
}

/** A short confirmation in our own element; it never shows the snippet's note or tags. */
function toast(doc: Document, message: string, background = '#0f766e') {
  doc.querySelector(TOAST_TAG)?.remove();
  const host = doc.createElement(TOAST_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  box.textContent = message;
  box.style.cssText =
    `position:fixed;left:16px;bottom:16px;z-index:2147483647;font:14px/1.4 system-ui,sans-serif;background:${background};color:#fff;padding:8px 12px;border-radius:8px;box-shadow:0 2px 8px rgb(0 0 0 / .2)`;
  shadow.append(box);
  (doc.body ?? doc.documentElement).append(host);
  setTimeout(() => host.remove(), background === '#0f766e' ? 4000 : 10000); // a failure stays long enough to read
}
