import { removeHighlights } from '../anchoring/highlight';


/** Every element and style Second Chance can add to a page. */
const OUR_ELEMENTS = 'second-chance-notice, second-chance-sidebar, second-chance-toast, #second-chance-match-style, #second-chance-mark-style';

/**
 * Remove every trace of the extension from the page, restoring text the highlights split. Used by
 * quick-hide, and at start-up for copies of our elements saved with a page ("Save Page As").
 */
export function removeTraces(doc: Document): void {
  const root = doc.body ?? doc.documentElement;
  if (!root) return;
  removeHighlights(root, 'second-chance-match');
  removeHighlights(root, 'second-chance-mark');
  for (const element of doc.querySelectorAll(OUR_ELEMENTS)) element.remove();
}
