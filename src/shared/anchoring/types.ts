/** The quoted text with up to {@link CONTEXT_LENGTH} characters of text before and after it. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Offsets into the root's text (see `text.ts`): `start` inclusive, `end` exclusive. */
export interface TextPosition {
  start: number;
  end: number;
}

/** What `describe` saves for a snippet and `anchor` finds again. */
export interface Selectors {
  quote: TextQuote;
  position: TextPosition;
}

/**
 * What `anchor` accepts: a full {@link Selectors}, or a partial one read back from storage
 * (prefix, suffix and position are hints and may be missing).
 */
export interface AnchorSelectors {
  quote: { exact: string; prefix?: string; suffix?: string };
  position?: Partial<TextPosition> | null;
}

/** Where to look for text: an element, a whole document, or a fragment / shadow root. */
export type AnchorRoot = Element | Document | DocumentFragment;

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;
