import { createPageElement, destroyElement, type ElementName } from '../shared/page-elements';

/**
 * Highlight ranges of the page WITHOUT touching the page's text: boxes drawn from the ranges'
 * client rects inside one of our closed-shadow elements (a 0x0 host at the document's origin, so
 * its size says nothing). The page's text nodes are never split, wrapped or moved, so the page's
 * DOM holds no saved text and frameworks that keep references to their text nodes keep working.
 * (The CSS Custom Highlight API was not used: `CSS.highlights` and its ranges are readable by the
 * page.) Boxes follow the document's scroll; content in inner scroll areas may drift until redrawn.
 */
export function drawOverlay(doc: Document, name: Extract<ElementName, 'marks' | 'matches'>, ranges: Range[], colour: string): number {
  destroyElement(doc, name);
  if (!ranges.length) return 0;
  const element = createPageElement(doc, name, `.b { position: absolute; pointer-events: none; background: ${colour}; mix-blend-mode: multiply; border-radius: 2px; }`, {
    position: 'absolute', top: '0', left: '0', width: '0', height: '0', overflow: 'visible', contain: 'none', 'pointer-events': 'none',
  });
  element.host.setAttribute('aria-hidden', 'true');
  const origin = element.host.getBoundingClientRect();
  const boxes: HTMLElement[] = [];
  for (const range of ranges) {
    for (const rect of range.getClientRects()) {
      if (rect.width < 1 || rect.height < 1) continue;
      const box = doc.createElement('div');
      box.className = 'b';
      box.style.cssText = `left:${rect.left - origin.left}px;top:${rect.top - origin.top}px;width:${rect.width}px;height:${rect.height}px`;
      boxes.push(box);
    }
  }
  element.root.append(...boxes);
  return boxes.length;
}

export function clearOverlay(doc: Document, name: Extract<ElementName, 'marks' | 'matches'>): void {
  destroyElement(doc, name);
}
