/**
 * Text anchoring for saved quotes ("snippets"), modelled on the Hypothesis client's approach but
 * written for Second Chance. Pure functions: every DOM function takes the root to work in (an
 * element, a document or a shadow root) and touches no globals, so they run in a content script.
 *
 * Text model: the root's text is its Text/CDATA nodes' data joined in TreeWalker order, with no
 * normalisation (see text.ts). Positions are offsets into that string.
 *
 * anchor() order: saved position (if the text there is still exactly the quote) -> exact quote
 * elsewhere (occurrences nearest the saved position, up to 1000 each way, scored on prefix,
 * suffix and position) -> fuzzy match (Myers bit-parallel edit distance, see match.ts).
 *
 * Bounds on the fuzzy step:
 * - errors: at most floor(0.25 * quote length) edits (so quotes under 4 characters are exact-only);
 *   a match with more than 10% errors is also rejected unless its prefix/suffix still agree
 *   (average similarity >= 0.5);
 * - work: scanning costs text length * ceil(quote length / 32) word steps, capped at WORK_BUDGET
 *   (2^25). Beyond that only a window of WORK_BUDGET / ceil(m / 32) characters centred on the
 *   saved position is scanned (about 16M characters for quotes up to 64 characters, 1M for a
 *   1000-character quote). At most 64 candidates are kept and the start-of-match searches are
 *   capped to the same budget. Quotes too long for a window of m + errors (about 29,000
 *   characters) are not fuzzy-matched.
 */
export type { AnchorRoot, AnchorSelectors, Selectors, TextPosition, TextQuote } from './types';
export { CONTEXT_LENGTH } from './types';
export type { AnchorOptions, TextMatch } from './anchor';
export { anchor, describe, findQuote, MAX_ERROR_RATIO, WORK_BUDGET } from './anchor';
export { getText, rangeToTextPosition, textPositionToRange } from './text';
export { HIGHLIGHT_TAG, highlightRange, removeHighlights } from './highlight';
