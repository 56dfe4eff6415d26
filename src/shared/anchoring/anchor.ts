import { preparePattern, reverse, scan, similarity } from './match';
import { indexPositionToRange, indexRangeToPosition, indexText } from './text';
import type { AnchorRoot, AnchorSelectors, Selectors, TextQuote } from './types';
import { CONTEXT_LENGTH } from './types';

export interface AnchorOptions {
  /** Fuzzy matches may differ from the quote by at most floor(quote length * ratio) edits. */
  maxErrorRatio?: number;
  /** Upper bound on the fuzzy matcher's work, in 32-bit word steps (see README in index.ts). */
  budget?: number;
}

/** Where a quote was found in the root's text. */
export interface TextMatch {
  start: number;
  end: number;
  /** 0 for an exact match, else the edit distance between the quote and the matched text. */
  errors: number;
  method: 'position' | 'quote' | 'fuzzy';
}

export const MAX_ERROR_RATIO = 0.25;
/** ~16.8M word steps of the fuzzy matcher (a few ns each in V8). */
export const WORK_BUDGET = 1 << 24;
/** Exact occurrences scored, per direction from the position hint. */
const MAX_OCCURRENCES = 1000;
/** Fuzzy match candidates kept for scoring. */
const MAX_CANDIDATES = 64;

const W_QUOTE = 2;
const W_CONTEXT = 1; // each of prefix and suffix
const W_POSITION = 0.1;

/** Selectors for a range: its text offsets and its quote with 32 characters of context. */
export function describe(root: AnchorRoot, range: Range): Selectors {
  const index = indexText(root);
  const position = indexRangeToPosition(index, range);
  return { quote: quoteAt(index.text, position.start, position.end), position };
}

export function quoteAt(text: string, start: number, end: number): TextQuote {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}

/**
 * Find the saved quote in the root again, as a Range, or null. Never throws.
 * 1. the saved position, if the text there is still exactly the quote;
 * 2. else the exact quote elsewhere (best prefix / suffix / position fit);
 * 3. else a fuzzy match within the error budget, or null.
 */
export function anchor(root: AnchorRoot, selectors: AnchorSelectors, options?: AnchorOptions): Range | null {
  try {
    const index = indexText(root);
    const match = findQuote(index.text, selectors, options);
    return match && indexPositionToRange(root, index, match.start, match.end);
  } catch {
    return null;
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const int = (v: unknown): number | undefined => (Number.isInteger(v) ? (v as number) : undefined);

/** The same search on a plain string (the root's text); also usable off the DOM. */
export function findQuote(text: string, selectors: AnchorSelectors, options: AnchorOptions = {}): TextMatch | null {
  const exact = str(selectors?.quote?.exact);
  if (!exact) return null;
  const prefix = str(selectors.quote.prefix);
  const suffix = str(selectors.quote.suffix);
  const hint = int(selectors.position?.start);
  const m = exact.length;

  // 1. Position.
  if (hint !== undefined && hint >= 0 && text.startsWith(exact, hint)) {
    return { start: hint, end: hint + m, errors: 0, method: 'position' };
  }

  const score = (start: number, end: number, errors: number) => {
    let total = W_QUOTE * (1 - errors / m);
    let weight = W_QUOTE;
    let context = 0;
    let sides = 0;
    if (prefix) {
      context += similarity(prefix, text.slice(Math.max(0, start - prefix.length), start));
      sides++;
    }
    if (suffix) {
      context += similarity(suffix, text.slice(end, end + suffix.length));
      sides++;
    }
    total += W_CONTEXT * context;
    weight += W_CONTEXT * sides;
    if (hint !== undefined) {
      total += W_POSITION * (1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length)));
      weight += W_POSITION;
    }
    return { total: total / weight, context: sides ? context / sides : 0 };
  };

  // 2. Exact quote: the occurrences nearest the hint, in both directions.
  const from = Math.min(Math.max(hint ?? 0, 0), text.length);
  const occurrences: number[] = [];
  for (let i = text.indexOf(exact, from), n = 0; i >= 0 && n < MAX_OCCURRENCES; i = text.indexOf(exact, i + 1), n++) {
    occurrences.push(i);
  }
  for (let i = text.lastIndexOf(exact, from - 1), n = 0; from > 0 && i >= 0 && n < MAX_OCCURRENCES; n++) {
    occurrences.push(i);
    if (i === 0) break;
    i = text.lastIndexOf(exact, i - 1);
  }
  if (occurrences.length) {
    let best = occurrences[0];
    if (occurrences.length > 1) {
      let bestScore = -1;
      for (const i of occurrences) {
        const s = score(i, i + m, 0).total;
        if (s > bestScore) [best, bestScore] = [i, s];
      }
    }
    return { start: best, end: best + m, errors: 0, method: 'quote' };
  }

  // 3. Fuzzy.
  const maxErrors = Math.floor(m * (options.maxErrorRatio ?? MAX_ERROR_RATIO));
  if (maxErrors < 1) return null;
  const budget = options.budget ?? WORK_BUDGET;
  const pattern = preparePattern(exact);
  const { blocks } = pattern;
  // Bound the scan: at most `budget` word steps, i.e. a window of budget / blocks characters
  // when the text is longer than that (see below for where it is centred).
  const width = Math.floor(budget / blocks);
  if (width < m + maxErrors) return null;
  let lo = 0;
  let hi = text.length;
  if (hi > width) {
    // A long quote that moved far from its saved position could fall outside the window: centre
    // it on a 32-character piece of the quote that still occurs exactly once, if any (at most 8
    // pieces, 16 native searches), else on the saved position.
    let centre = from;
    for (let k = 0; k < 8 && m >= 32; k++) {
      const i = Math.round((k * (m - 32)) / 7);
      const at = text.indexOf(exact.slice(i, i + 32));
      if (at >= 0 && text.indexOf(exact.slice(i, i + 32), at + 1) < 0) {
        centre = at - i;
        break;
      }
    }
    lo = Math.min(Math.max(0, centre - (width >> 1)), hi - width);
    hi = lo + width;
  }

  // Forward scan: the end of each run of acceptable positions, at its fewest errors.
  type End = { end: number; errors: number };
  let ends: End[] = [];
  let run = null as End | null;
  let prevJ = -2;
  const byQuality = (a: End, b: End) => a.errors - b.errors || Math.abs(a.end - from) - Math.abs(b.end - from);
  scan(pattern, text, lo, hi, maxErrors, false, (j, errors) => {
    if (run && j === prevJ + 1) {
      if (errors < run.errors) [run.end, run.errors] = [j + 1, errors];
    } else {
      if (run) ends.push(run);
      run = { end: j + 1, errors };
      if (ends.length > 4 * MAX_CANDIDATES) ends = ends.sort(byQuality).slice(0, MAX_CANDIDATES);
    }
    prevJ = j;
  });
  if (run) ends.push(run);
  // Each start search costs (m + maxErrors) * blocks word steps: keep the total within budget.
  const verify = Math.max(1, Math.min(MAX_CANDIDATES, Math.floor(budget / ((m + maxErrors) * blocks))));
  ends = ends.sort(byQuality).slice(0, verify);

  const reversed = preparePattern(reverse(exact));
  let best: TextMatch | null = null;
  let bestScore = -1;
  for (const { end } of ends) {
    // Find the start: match the reversed quote against the reversed text ending at `end`.
    const windowStart = Math.max(0, end - m - maxErrors);
    const back = reverse(text.slice(windowStart, end));
    let errors = maxErrors + 1;
    let length = 0;
    scan(reversed, back, 0, back.length, maxErrors, true, (j, e) => {
      if (e < errors || (e === errors && Math.abs(j + 1 - m) < Math.abs(length - m))) [errors, length] = [e, j + 1];
    });
    if (errors > maxErrors) continue;
    const start = end - length;
    const s = score(start, end, errors);
    // Close enough: at most 10% errors, or (up to maxErrors) a saved prefix/suffix that still
    // agrees with the text around the match.
    if (errors > m * 0.1 && s.context < 0.5) continue;
    if (s.total > bestScore) {
      bestScore = s.total;
      best = { start, end, errors, method: 'fuzzy' };
    }
  }
  return best;
}
