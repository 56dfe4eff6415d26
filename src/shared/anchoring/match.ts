/**
 * Approximate string matching with Myers' bit-parallel algorithm (Myers 1999, in the
 * multi-word "block" form described by Hyyrö), written for this module. For a pattern of m
 * characters it keeps one column of the edit-distance table as bit vectors of ceil(m / 32)
 * 32-bit words, so scanning n characters costs n * ceil(m / 32) word steps.
 */
export interface Pattern {
  length: number;
  blocks: number;
  /** Row masks for character codes < 256, flat: ascii[code * blocks + block]. */
  ascii: Int32Array;
  /** Row masks for other character codes in the pattern. */
  other: Map<number, Int32Array>;
  /** Bit of the last row inside the last block. */
  lastBit: number;
}

export function preparePattern(pattern: string): Pattern {
  const length = pattern.length;
  const blocks = Math.max(1, Math.ceil(length / 32));
  const ascii = new Int32Array(256 * blocks);
  const other = new Map<number, Int32Array>();
  for (let i = 0; i < length; i++) {
    const code = pattern.charCodeAt(i);
    const bit = 1 << (i & 31);
    if (code < 256) ascii[code * blocks + (i >> 5)] |= bit;
    else {
      let masks = other.get(code);
      if (!masks) other.set(code, (masks = new Int32Array(blocks)));
      masks[i >> 5] |= bit;
    }
  }
  return { length, blocks, ascii, other, lastBit: 1 << ((length - 1) & 31) };
}

/**
 * Scan text[from, to) and call onMatch(j, d) for every j where some substring of the text ending
 * at index j (inclusive) is within edit distance d <= maxErrors of the pattern, d being the
 * smallest such distance. With `anchored`, the substring must start at `from` (used to find
 * where a match starts, by scanning reversed text back from its end).
 */
export function scan(
  p: Pattern,
  text: string,
  from: number,
  to: number,
  maxErrors: number,
  anchored: boolean,
  onMatch: (j: number, errors: number) => void,
): void {
  const { blocks, ascii, other, lastBit } = p;
  let score = p.length;
  if (blocks === 1) {
    // One word: the same steps as below, inlined (the common case: quotes up to 32 characters).
    let pv = -1;
    let mv = 0;
    const hin = anchored ? 1 : 0;
    for (let j = from; j < to; j++) {
      const code = text.charCodeAt(j);
      const eq = code < 256 ? ascii[code] : other.get(code)?.[0] ?? 0;
      const xv = eq | mv;
      const xh = ((((eq & pv) >>> 0) + (pv >>> 0)) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & lastBit) score++;
      else if (mh & lastBit) score--;
      ph = (ph << 1) | hin;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (score <= maxErrors) onMatch(j, score);
    }
    return;
  }
  const pv = new Int32Array(blocks).fill(-1); // vertical deltas +1 ...
  const mv = new Int32Array(blocks); // ... and -1
  const none = new Int32Array(blocks);
  const last = blocks - 1;
  for (let j = from; j < to; j++) {
    const code = text.charCodeAt(j);
    let eqs = ascii;
    let base = code * blocks;
    if (code >= 256) {
      eqs = other.get(code) || none;
      base = 0;
    }
    // Horizontal delta entering the top row: 0 when a match may start anywhere, +1 when anchored.
    let hin = anchored ? 1 : 0;
    for (let b = 0; b < blocks; b++) {
      let eq = eqs[base + b];
      const pvb = pv[b];
      const mvb = mv[b];
      const xv = eq | mvb;
      if (hin < 0) eq |= 1;
      const xh = ((((eq & pvb) >>> 0) + (pvb >>> 0)) ^ pvb) | eq; // unsigned add; ^ wraps to 32 bits
      let ph = mvb | ~(xh | pvb);
      let mh = pvb & xh;
      const high = b === last ? lastBit : -0x80000000;
      const hout = ph & high ? 1 : mh & high ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      pv[b] = mh | ~(xv | ph);
      mv[b] = ph & xv;
      hin = hout;
    }
    score += hin;
    if (score <= maxErrors) onMatch(j, score);
  }
}

export function reverse(s: string): string {
  let r = '';
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
}

/** Levenshtein distance (two rows; only used on short context strings). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (c === b.charCodeAt(j - 1) ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  return n === 0 ? 1 : 1 - editDistance(a, b) / n;
}
