import { describe, expect, it } from 'vitest';
import { bundledDetector } from '../../../src/shared/detect';

/** A small deterministic PRNG so a failure can be reproduced from its seed. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABETS = [
  'abcdefghijklmnopqrstuvwxyz     ',
  'áéíóúñüÁÉÍÓÚÑ¿¡ ',
  '\u0000\u0001\uffff\ud800\udc00\u200b\u2019\u201c\u2014\u00a0*()[]{}\\^$.|?+',
  'наркотики передозировка 过量 救命 ',
  'naloxone overdose rehab tough love detox methadone ',
];

describe('detector on hostile input', () => {
  const detector = bundledDetector();
  it('never throws and returns well-formed results for 3000 random strings', () => {
    const random = mulberry32(20261123);
    for (let i = 0; i < 3000; i++) {
      const alphabet = ALPHABETS[Math.floor(random() * ALPHABETS.length)] + ALPHABETS[Math.floor(random() * ALPHABETS.length)];
      const length = Math.floor(random() * 400);
      let text = '';
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      const result = detector.detect(text);
      for (const m of result.matches) {
        expect(m.start).toBeGreaterThanOrEqual(0);
        expect(m.end).toBeLessThanOrEqual(text.length);
        expect(m.end).toBeGreaterThan(m.start);
      }
      for (const score of Object.values(result.scores)) expect(Number.isFinite(score)).toBe(true);
    }
  });

  it('handles empty text, binary junk, a 10 MB single line and other scripts without a false topic', () => {
    expect(detector.detect('').topics).toEqual([]);
    const junk = Array.from({ length: 50_000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    expect(detector.detect(junk).topics).toEqual([]);
    const line = 'lorem ipsum dolor sit amet '.repeat(400_000);
    expect(line.length).toBeGreaterThan(10_000_000);
    expect(detector.detect(line)).toMatchObject({ topics: [], matches: [] });
    expect(detector.detect('Передозировка опиоидами — серьёзная проблема. 阿片类药物过量是一个严重的问题。').topics).toEqual([]);
  });

  it('caps the matches it reports on a page that repeats a phrase endlessly', () => {
    const paragraph = 'She overdosed on fentanyl. We gave naloxone and called 911. Harm reduction and test strips keep people who use drugs alive. ';
    const result = detector.detect(paragraph.repeat(5_000));
    expect(result.matches.length).toBeLessThanOrEqual(400);
    expect(result.topics).toContain('overdose');
  });
});
