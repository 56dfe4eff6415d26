// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { editDistance, preparePattern, reverse, scan, similarity } from '../../../src/shared/anchoring/match';

/** Reference: the plain dynamic-programming column for each text position. */
function brute(pattern: string, text: string, anchored: boolean): number[] {
  const m = pattern.length;
  let col = Array.from({ length: m + 1 }, (_, i) => i);
  const out: number[] = [];
  for (let j = 0; j < text.length; j++) {
    const next = [anchored ? j + 1 : 0];
    for (let i = 1; i <= m; i++) {
      next[i] = Math.min(col[i] + 1, next[i - 1] + 1, col[i - 1] + (pattern[i - 1] === text[j] ? 0 : 1));
    }
    col = next;
    out.push(col[m]);
  }
  return out;
}

function viaScan(pattern: string, text: string, anchored: boolean): number[] {
  const out = new Array<number>(text.length).fill(-1);
  scan(preparePattern(pattern), text, 0, text.length, Infinity, anchored, (j, e) => (out[j] = e));
  return out;
}

function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

describe('bit-parallel matcher', () => {
  it('agrees with the dynamic-programming reference (1 to 5 blocks, anchored or not, non-Latin-1 text)', () => {
    const random = rng(1);
    const alphabet = 'abcd é€😀';
    const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (const m of [1, 2, 5, 31, 32, 33, 63, 64, 65, 100, 150]) {
      for (let t = 0; t < 4; t++) {
        const pattern = pick(m);
        const text = pick(50) + pattern + pick(80);
        for (const anchored of [false, true]) expect(viaScan(pattern, text, anchored)).toEqual(brute(pattern, text, anchored));
      }
    }
  });

  it('only reports positions within the error budget', () => {
    const hits: [number, number][] = [];
    scan(preparePattern('naloxone'), 'carry nalaxone now, naloxone', 0, 28, 1, false, (j, e) => hits.push([j, e]));
    expect(hits.filter(([, e]) => e === 0).map(([j]) => j)).toEqual([27]);
    expect(hits.some(([j, e]) => j === 13 && e === 1)).toBe(true);
    expect(hits.every(([, e]) => e <= 1)).toBe(true);
  });

  it('edit distance and similarity', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(similarity('', '')).toBe(1);
    expect(similarity('abcd', 'abcd')).toBe(1);
    expect(similarity('abcd', 'wxyz')).toBe(0);
    expect(reverse('abc')).toBe('cba');
  });
});
