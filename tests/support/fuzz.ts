/**
 * Seeded random inputs for fuzz tests. The seed comes from FUZZ_SEED when set (to replay a failure)
 * and is printed by each suite; every assertion message names it with the case number.
 */
export function fuzzSeed(fallback: number): number {
  const fromEnv = Number(process.env.FUZZ_SEED);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}

export type Random = (() => number) & { int(max: number): number; pick<T>(items: readonly T[]): T; chance(p: number): boolean };

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): Random {
  let state = seed;
  const next = (() => {
    state |= 0;
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Random;
  next.int = (max) => Math.floor(next() * max);
  next.pick = (items) => items[next.int(items.length)];
  next.chance = (p) => next() < p;
  return next;
}

const NASTY_STRINGS = [
  '', ' ', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'then',
  'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'chrome-extension://abcdef/options.html',
  '<img src=x onerror=alert(1)>', '\u0000', '\ud800', '\u202e', '１２３', 'NaN', '-0', '1e309', 'null', 'undefined',
  '{"type":"wipeAll","payload":{"confirm":true}}', 'x'.repeat(5001),
];

/** A random string: printable, control and surrogate characters, or a known troublemaker. */
export function randomString(random: Random, maxLength = 60): string {
  if (random.chance(0.3)) return random.pick(NASTY_STRINGS);
  let s = '';
  const length = random.int(maxLength);
  for (let i = 0; i < length; i++) s += String.fromCharCode(random.chance(0.8) ? 32 + random.int(95) : random.int(0x10000));
  return s;
}

/** Any value a message or a parsed JSON file could hold, plus a few that only a realm bug could. */
export function randomValue(random: Random, depth = 0): unknown {
  const kind = random.int(depth > 3 ? 8 : 11);
  switch (kind) {
    case 0: return undefined;
    case 1: return null;
    case 2: return random.chance(0.5);
    case 3: return random.pick([0, -1, 1, 1.5, -0, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 31), Number.MAX_VALUE, Number.MIN_VALUE]);
    case 4: return random.int(1_000_000);
    case 5:
    case 6: return randomString(random);
    case 7: return random.pick([[], {}, Object.create(null), new Date(0), /x/, new Map(), new Uint8Array(3)]);
    case 8: return Array.from({ length: random.int(5) }, () => randomValue(random, depth + 1));
    default: {
      // JSON.parse makes "__proto__" an own key, as a message or file would arrive.
      const entries = Array.from({ length: random.int(5) }, () => [random.chance(0.3) ? random.pick(['__proto__', 'constructor', 'prototype']) : randomString(random, 12), randomValue(random, depth + 1)]);
      const object: Record<string, unknown> = {};
      for (const [k, v] of entries) Object.defineProperty(object, k as string, { value: v, enumerable: true, writable: true, configurable: true });
      return object;
    }
  }
}

/** `[[[[…]]]]` nested `depth` levels. */
export const deepArray = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));
/** `{"a":{"a":…}}` nested `depth` levels. */
export const deepObject = (depth: number): unknown => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
