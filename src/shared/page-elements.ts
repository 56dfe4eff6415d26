/**
 * The one way Second Chance adds anything to a web page. Every element is a prefixed custom
 * element with a CLOSED shadow root (page scripts get `shadowRoot === null`, so they cannot read,
 * press or rewrite what is inside), its own CSS, hidden when printing, pinned against page CSS,
 * and registered so quick-hide and "Delete all my data" remove whatever is there.
 *
 * The registry lives on the extension's isolated-world global, which the content script and the
 * injected page tool share (the page's own scripts live in another world and cannot reach it).
 */
export const ELEMENT_PREFIX = 'second-chance-';

export type ElementName = 'notice' | 'sidebar' | 'marks' | 'matches';

export interface PageElement {
  host: HTMLElement;
  root: ShadowRoot;
  destroy(): void;
}

/** Everything a page's CSS could use to hide, fade, move or cover one of our elements. */
const VISUAL_RESET: Record<string, string> = {
  visibility: 'visible', opacity: '1', transform: 'none', filter: 'none', 'backdrop-filter': 'none', 'clip-path': 'none',
  mask: 'none', 'mix-blend-mode': 'normal', isolation: 'isolate', zoom: '1', 'z-index': '2147483647', contain: 'content',
  margin: '0', padding: '0', border: '0', outline: '0', 'box-shadow': 'none', rotate: 'none', scale: 'none', translate: 'none',
  perspective: 'none', 'content-visibility': 'visible', 'pointer-events': 'auto',
};

/** Tags our own elements had, now and in older versions (copies saved with a page are cleaned up). */
export const OUR_TAGS = ['notice', 'sidebar', 'marks', 'matches', 'toast'].map((n) => ELEMENT_PREFIX + n);
/** Older versions wrapped page text in these, and added these styles. */
export const LEGACY_WRAPPERS = ['second-chance-mark', 'second-chance-match'];
export const LEGACY_STYLE_IDS = ['second-chance-match-style', 'second-chance-mark-style'];

function registry(): Set<PageElement> {
  const g = globalThis as unknown as { __secondChanceElements?: Set<PageElement> };
  return (g.__secondChanceElements ??= new Set());
}

/**
 * Create, pin and attach one of our elements. `layout` holds the host's own position and size
 * (e.g. fixed in a corner); everything visual is pinned as well, inline and in the shadow's
 * `:host` rule with !important (the shadow's important rules win over any page rule).
 */
export function createPageElement(doc: Document, name: ElementName, css: string, layout: Record<string, string>): PageElement {
  for (const old of registry()) if (old.host.localName === ELEMENT_PREFIX + name && old.host.ownerDocument === doc) old.destroy();
  const host = doc.createElement(ELEMENT_PREFIX + name);
  const pinned = { all: 'initial', display: 'block', ...VISUAL_RESET, ...layout };
  for (const [property, value] of Object.entries(pinned)) host.style.setProperty(property, value, 'important');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  const hostRule = Object.entries(pinned)
    .filter(([p]) => p !== 'all')
    .map(([p, v]) => `${p}: ${v} !important;`)
    .join(' ');
  style.textContent = `:host { ${hostRule} }\n@media print { :host { display: none !important; } }\n${css}`;
  root.append(style);
  const element: PageElement = {
    host,
    root,
    destroy() {
      host.remove();
      registry().delete(element);
    },
  };
  registry().add(element);
  (doc.body ?? doc.documentElement).append(host);
  return element;
}

/** Remove one kind of our elements from this document, if shown. */
export function destroyElement(doc: Document, name: ElementName): void {
  for (const element of [...registry()]) if (element.host.localName === ELEMENT_PREFIX + name && element.host.ownerDocument === doc) element.destroy();
}

/** Remove every element we created in this document (quick-hide, delete all). */
export function destroyAll(doc: Document): void {
  for (const element of [...registry()]) if (element.host.ownerDocument === doc) element.destroy();
}

/** Whether an event came from the reader (the page can dispatch synthetic events on our host). */
export const trusted = (event: Event): boolean => event.isTrusted;
