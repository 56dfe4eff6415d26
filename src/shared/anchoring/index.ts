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
 * - errors: at most floor(0.25 * quote length) edits (so quotes under 4 characters are
 *   exact-only). A match with more than 10% errors is accepted only if the saved prefix/suffix
 *   still agree with the text around it (average similarity >= 0.5); with no context, 10% is the
 *   limit.
 * - work: scanning costs text length * ceil(quote length / 32) word steps, capped at WORK_BUDGET
 *   (2^24). Longer texts are scanned only in a window of WORK_BUDGET / ceil(m / 32) characters
 *   (16.7M characters for quotes up to 32 characters, 8.4M up to 64, ~520k for a 1000-character
 *   quote), centred on a 32-character piece of the quote that still occurs exactly once (at most
 *   8 pieces tried with native indexOf), else on the saved position. At most 64 candidate ends
 *   are kept, and the start-of-match searches (reversed, anchored scans of m + errors characters)
 *   share the same budget. Quotes too long for a window of m + errors (about 20,000 characters)
 *   are not fuzzy-matched.
 * - the exact step scores at most 1000 occurrences on each side of the saved position.
 */
export type { AnchorRoot, AnchorSelectors, Selectors, TextPosition, TextQuote } from './types';
export { CONTEXT_LENGTH } from './types';
export type { AnchorOptions, TextMatch } from './anchor';
export { anchor, describe, findQuote, MAX_ERROR_RATIO, WORK_BUDGET } from './anchor';
export { getText, rangeToTextPosition, textPositionToRange } from './text';
export { HIGHLIGHT_TAG, highlightRange, removeHighlights } from './highlight';
