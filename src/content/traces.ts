import { removeHighlights } from '../shared/anchoring/highlight';


/** Every element and style Second Chance can add to a page. */
const OUR_ELEMENTS = 'second-chance-notice, second-chance-sidebar, second-chance-toast, #second-chance-match-style, #second-chance-mark-style';
const OUR_PANELS = ['second-chance-notice', 'second-chance-sidebar', 'second-chance-toast'];
const OUR_HIGHLIGHTS = ['second-chance-match', 'second-chance-mark'];
const OUR_IDS = ['second-chance-match-style', 'second-chance-mark-style'];

/**
 * Remove every trace of the extension from the page, restoring text the highlights split. Used by
 * quick-hide, and at start-up for copies of our elements saved with a page ("Save Page As").
 */
export function removeTraces(doc: Document): void {
  const root = doc.body ?? doc.documentElement;
  if (!root) return;
  // Nothing of ours (the usual case) is known without a selector-list scan of the whole page
  // (30 ms on a 10 MB page): panels are only ever appended to <body> or <html>, styles have ids,
  // and only the highlights need a tag-name lookup.
  const panels = [...(doc.body?.children ?? []), ...doc.documentElement.children].some((el) => OUR_PANELS.includes(el.localName));
  if (!panels && !OUR_IDS.some((id) => doc.getElementById(id)) && !OUR_HIGHLIGHTS.some((tag) => doc.getElementsByTagName(tag).length)) return;
  removeHighlights(root, 'second-chance-match');
  removeHighlights(root, 'second-chance-mark');
  for (const element of doc.querySelectorAll(OUR_ELEMENTS)) element.remove();
}
