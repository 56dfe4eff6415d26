import { removeHighlights } from '../shared/anchoring/highlight';
import { destroyAll, LEGACY_STYLE_IDS, LEGACY_WRAPPERS, OUR_TAGS } from '../shared/page-elements';

/**
 * Remove every trace of the extension from the page: whatever is registered (createPageElement),
 * plus copies of our elements saved with a page ("Save Page As") and the text wrappers older
 * versions added. Used by quick-hide, "Delete all my data" and at start-up.
 */
export function removeTraces(doc: Document): void {
  destroyAll(doc);
  const root = doc.body ?? doc.documentElement;
  if (!root) return;
  // Nothing of ours (the usual case) is known without a selector-list scan of the whole page
  // (30 ms on a 10 MB page): panels are only ever appended to <body> or <html>, styles have ids,
  // and only the legacy wrappers need a tag-name lookup.
  const panels = [...(doc.body?.children ?? []), ...doc.documentElement.children].some((el) => OUR_TAGS.includes(el.localName));
  if (!panels && !LEGACY_STYLE_IDS.some((id) => doc.getElementById(id)) && !LEGACY_WRAPPERS.some((tag) => doc.getElementsByTagName(tag).length)) return;
  for (const tag of LEGACY_WRAPPERS) removeHighlights(root, tag);
  for (const element of doc.querySelectorAll([...OUR_TAGS, ...LEGACY_STYLE_IDS.map((id) => `#${id}`)].join(', '))) element.remove();
}
