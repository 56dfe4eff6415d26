// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeEach, describe as group, expect, it } from 'vitest';
import {
  anchor,
  describe,
  findQuote,
  getText,
  rangeToTextPosition,
  textPositionToRange,
  type AnchorSelectors,
} from '../../../src/shared/anchoring';

const ARTICLE = `
<article>
  <h1>Talking with a son who uses</h1>
  <p>Many parents are told to <b>step back</b> and wait for rock bottom.</p>
  <p>Studies of family approaches found that staying connected and offering help kept more people alive than cutting contact did.</p>
  <p>Carry naloxone, learn the signs of an overdose, and call for help.</p>
  <ul>
    <li>Stay connected.</li>
    <li>Stay connected.</li>
  </ul>
</article>`;

let root: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = `<main>${ARTICLE}</main>`;
  root = document.querySelector('main')!;
});

/** A seeded PRNG so generated pages are the same on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const QUOTE = 'staying connected and offering help kept more people alive';

group('text positions', () => {
  it('concatenates text nodes in document order without normalising', () => {
    const text = getText(root);
    expect(text).toBe(root.textContent);
    expect(text).toContain('told to step back and');
    expect(text.startsWith('\n\n  Talking with')).toBe(true); // whitespace-only nodes are kept
  });

  it('maps offsets to ranges and back, across element boundaries', () => {
    const text = getText(root);
    const start = text.indexOf('told to step');
    const end = text.indexOf(' and wait') + 4;
    const range = textPositionToRange(root, start, end)!;
    expect(range.toString()).toBe('told to step back and');
    expect(range.startContainer.nodeType).toBe(3);
    expect(range.endContainer.nodeType).toBe(3);
    expect(rangeToTextPosition(root, range)).toEqual({ start, end });
  });

  it('puts boundaries inside the text node holding the character, skipping empty nodes', () => {
    const p = document.createElement('p');
    p.append('ab', '', 'cd');
    root.replaceChildren(p);
    const range = textPositionToRange(root, 2, 4)!;
    expect(range.startContainer).toBe(p.childNodes[2]);
    expect(range.startOffset).toBe(0);
    expect(textPositionToRange(root, 0, 2)!.endContainer).toBe(p.childNodes[0]);
    expect(textPositionToRange(root, 4, 4)!.collapsed).toBe(true);
  });

  it('handles element containers and points outside the root', () => {
    const p = root.querySelectorAll('p')[0];
    const text = getText(root);
    const range = document.createRange();
    range.selectNodeContents(p);
    expect(rangeToTextPosition(root, range)).toEqual({ start: text.indexOf('Many'), end: text.indexOf('bottom.') + 7 });
    range.setStart(p, 1); // before <b>
    range.setEnd(p, 2); // after <b>
    expect(range.toString()).toBe('step back');
    const pos = rangeToTextPosition(root, range);
    expect(text.slice(pos.start, pos.end)).toBe('step back');
    // A range from before the root to after it clamps to the whole text.
    range.setStart(document.body, 0);
    range.setEnd(document.body, document.body.childNodes.length);
    expect(rangeToTextPosition(root, range)).toEqual({ start: 0, end: text.length });
    // A range entirely inside another root is empty here.
    const other = document.createElement('div');
    other.textContent = 'elsewhere';
    document.body.append(other);
    range.selectNodeContents(other);
    expect(rangeToTextPosition(root, range)).toEqual({ start: text.length, end: text.length });
  });

  it('returns null for invalid offsets', () => {
    const n = getText(root).length;
    for (const [s, e] of [[-1, 2], [3, 2], [0, n + 1], [0.5, 2], [NaN, 1]]) expect(textPositionToRange(root, s, e)).toBeNull();
    expect(textPositionToRange(root, 0, n)!.toString()).toBe(getText(root));
  });

  it('works on an empty root and on a whole document', () => {
    const empty = document.createElement('div');
    expect(getText(empty)).toBe('');
    expect(textPositionToRange(empty, 0, 0)!.collapsed).toBe(true);
    const range = textPositionToRange(document, 0, 5);
    expect(range!.toString()).toBe(getText(document).slice(0, 5));
  });
});

group('describe', () => {
  it('returns the quote, 32 characters of context each side, and the position', () => {
    const text = getText(root);
    const start = text.indexOf(QUOTE);
    const sel = describe(root, textPositionToRange(root, start, start + QUOTE.length)!);
    expect(sel).toEqual({
      quote: { exact: QUOTE, prefix: text.slice(start - 32, start), suffix: text.slice(start + QUOTE.length, start + QUOTE.length + 32) },
      position: { start, end: start + QUOTE.length },
    });
    expect(sel.quote.prefix).toHaveLength(32);
    expect(sel.quote.suffix).toHaveLength(32);
  });

  it('keeps shorter context at the edges of the text', () => {
    const sel = describe(root, textPositionToRange(root, 0, 3)!);
    expect(sel.quote.prefix).toBe('');
    const n = getText(root).length;
    expect(describe(root, textPositionToRange(root, n - 3, n)!).quote.suffix).toBe('');
  });
});

group('anchor', () => {
  it('round-trips ranges on a real page (position, then quote only)', () => {
    const html = readFileSync('tests/fixtures/anchoring/wikipedia-regression-testing.html', 'utf8');
    document.documentElement.innerHTML = html.replace(/src=/g, 'sr_=').replace(/href=/g, 'hre_=');
    const page = document.body;
    const text = getText(page);
    const random = rng(7);
    let checked = 0;
    for (let i = 0; i < 200; i++) {
      const start = Math.floor(random() * (text.length - 300));
      const end = start + 1 + Math.floor(random() * 200);
      const exact = text.slice(start, end);
      if (!/\S/.test(exact)) continue;
      const sel = describe(page, textPositionToRange(page, start, end)!);
      expect(sel.quote.exact).toBe(exact);
      expect(rangeToTextPosition(page, anchor(page, sel)!)).toEqual({ start, end });
      // Without the position, quote + context still find the same place.
      const byQuote = anchor(page, { quote: sel.quote })!;
      expect(byQuote.toString()).toBe(exact);
      expect(rangeToTextPosition(page, byQuote)).toEqual({ start, end });
      checked++;
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('uses the position first, then context, to choose among identical quotes', () => {
    const text = getText(root);
    const second = text.lastIndexOf('Stay connected.');
    const sel = describe(root, textPositionToRange(root, second, second + 15)!);
    expect(rangeToTextPosition(root, anchor(root, sel)!).start).toBe(second);
    // Stale position, same context: the second item still wins on its suffix.
    expect(rangeToTextPosition(root, anchor(root, { quote: sel.quote, position: { start: 0, end: 15 } })!).start).toBe(second);
  });

  it('still anchors after words are inserted before the quote and a typo inside it (fuzzy)', () => {
    const text = getText(root);
    const start = text.indexOf(QUOTE);
    const saved = describe(root, textPositionToRange(root, start, start + QUOTE.length)!);

    // The page is edited: a new paragraph above, words inserted right before the quote, a typo inside it.
    const p = root.querySelectorAll('p')[1];
    p.before(Object.assign(document.createElement('p'), { textContent: 'Update: this article was revised in March.' }));
    p.textContent = p.textContent!.replace(
      'found that staying connected and offering help kept',
      'found, across several trials, that staying conected and offering help kept',
    );
    const edited = 'staying conected and offering help kept more people alive';

    const match = findQuote(getText(root), saved)!;
    expect(match.method).toBe('fuzzy');
    expect(match.errors).toBe(1);
    const range = anchor(root, saved)!;
    expect(range.toString()).toBe(edited);
    expect(p.contains(range.startContainer)).toBe(true);
  });

  it('tolerates a reworded word and whitespace changes within the error budget', () => {
    const saved = describe(root, textPositionToRange(root, getText(root).indexOf(QUOTE), getText(root).indexOf(QUOTE) + QUOTE.length)!);
    const p = root.querySelectorAll('p')[1];
    p.textContent = p.textContent!.replace(QUOTE, 'staying  connected and offering support kept more people alive');
    expect(anchor(root, saved)!.toString()).toBe('staying  connected and offering support kept more people alive');
  });

  it('returns null when the quote was deleted', () => {
    const text = getText(root);
    const start = text.indexOf(QUOTE);
    const saved = describe(root, textPositionToRange(root, start, start + QUOTE.length)!);
    const p = root.querySelectorAll('p')[1];
    p.textContent = p.textContent!.replace(QUOTE + ' than cutting contact did', 'mixed results');
    expect(anchor(root, saved)).toBeNull();
    // Even the context alone (still on the page) is not enough.
    p.textContent = 'Studies of family approaches found that  than cutting contact did.';
    expect(anchor(root, saved)).toBeNull();
  });

  it('rejects a far-off fuzzy match whose context disagrees', () => {
    // 14 characters with 3 substitutions (21%): within the error budget but not the context check.
    const sel = { quote: { exact: 'Carry naloxone', prefix: 'zzzzzzzzzz', suffix: 'qqqqqqqqqq' }, position: { start: 0, end: 14 } };
    expect(anchor(root, { ...sel, quote: { ...sel.quote, exact: 'Cxrry nxloxoxe' } })).toBeNull();
    expect(anchor(root, { quote: { exact: 'Cxrry naloxone' } })!.toString()).toBe('Carry naloxone');
    // Over 10% errors needs a prefix or suffix that still agrees.
    const text = getText(root);
    const at = text.indexOf('Carry naloxone');
    const context = { prefix: text.slice(at - 32, at), suffix: text.slice(at + 14, at + 46) };
    expect(anchor(root, { quote: { exact: 'Cxrry nxloxone' } })).toBeNull();
    expect(anchor(root, { quote: { exact: 'Cxrry nxloxone', ...context } })!.toString()).toBe('Carry naloxone');
  });

  it('never throws on bad input', () => {
    const bad: unknown[] = [
      null,
      {},
      { quote: null },
      { quote: { exact: 5 } },
      { quote: { exact: '' } },
      { quote: { exact: 'nowhere to be found at all' } },
      { quote: { exact: 'Carry', prefix: 7 }, position: { start: -5, end: 'x' } },
      { quote: { exact: 'Carry' }, position: { start: 1e12, end: NaN } },
    ];
    for (const sel of bad) expect(() => anchor(root, sel as AnchorSelectors)).not.toThrow();
    expect(anchor(root, { quote: { exact: 'Carry', prefix: 7 as never }, position: { start: -5 } })!.toString()).toBe('Carry');
    expect(anchor(document.createElement('div'), { quote: { exact: 'x' } })).toBeNull();
    expect(anchor(null as never, { quote: { exact: 'x' } })).toBeNull();
  });

  it('bounds the fuzzy scan to a window around the saved position', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(200); // 5400 characters
    const quote = 'a sentence that appears only once here';
    const typo = 'a sentence that apears only once here';
    const near = `${filler}${typo}${filler}`;
    const at = filler.length;
    const sel = { quote: { exact: quote, prefix: '', suffix: '' }, position: { start: at, end: at + quote.length } };
    // budget 4000 word steps, 2 blocks: a 2000-character window centred on the position.
    expect(findQuote(near, sel, { budget: 4000 })).toMatchObject({ start: at, method: 'fuzzy' });
    expect(findQuote(near, { ...sel, position: { start: 0, end: 10 } }, { budget: 4000 })).toBeNull();
    expect(findQuote(near, { ...sel, position: { start: 0, end: 10 } })).toMatchObject({ start: at });
  });

  it('re-centres the window on a unique piece of a long quote that moved far from its position', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(600); // 16,200 characters
    const quote = 'Naloxone reverses an opioid overdose within minutes; it is safe to give even when you are unsure what was taken.';
    const edited = quote.replace('minutes', 'minuts').replace('unsure', 'not sure');
    const text = `${filler}${edited}${filler}`;
    const sel = { quote: { exact: quote, prefix: 'sit amet lorem ipsum dolor sit amet ', suffix: ' lorem ipsum dolor sit amet lorem' }, position: { start: 0, end: quote.length } };
    // 4 blocks, budget 8000: a 2000-character window, which around position 0 would miss the quote.
    const match = findQuote(text, sel, { budget: 8000 })!;
    expect(match).toMatchObject({ start: filler.length, end: filler.length + edited.length, method: 'fuzzy' });
  });
});

group('huge roots', () => {
  it('anchors in a 5 MB root (stale position: exact search; edited quote: fuzzy)', () => {
    const words = 'the a of to and in that for is on with as was by family help treatment people study support care risk time community recovery'.split(' ');
    const random = rng(42);
    const big = document.createElement('div');
    let size = 0;
    let n = 0;
    while (size < 5_000_000) {
      let s = '';
      while (s.length < 480) s += words[Math.floor(random() * words.length)] + ' ';
      const p = document.createElement('p');
      p.textContent = `${n++}: ${s}`;
      big.append(p);
      size += p.textContent.length;
    }
    const target = big.children[Math.floor(n * 0.8)];
    const quote = 'offering naloxone to every family member kept people alive';
    target.textContent += quote + ' and more.';

    const text = getText(big);
    expect(text.length).toBeGreaterThan(5_000_000);
    const start = text.indexOf(quote);
    const saved = describe(big, textPositionToRange(big, start, start + quote.length)!);

    // The page changed above the quote: the saved position is stale.
    big.children[10].textContent = 'new text ' + big.children[10].textContent;
    expect(anchor(big, saved)!.toString()).toBe(quote);

    // And the quote itself was edited.
    target.textContent = target.textContent!.replace('every family member', 'every famly member');
    const range = anchor(big, saved)!;
    expect(range.toString()).toBe('offering naloxone to every famly member kept people alive');
    expect(target.contains(range.startContainer)).toBe(true);
  });
});
