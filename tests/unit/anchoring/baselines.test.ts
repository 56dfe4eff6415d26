// @vitest-environment happy-dom
/**
 * Conformance against the Hypothesis client's HTML anchoring baselines (BSD-2, see
 * tests/fixtures/anchoring/PROVENANCE.md): two saved pages and the selectors the Hypothesis
 * client produced for real annotations on them.
 */
import { readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import { anchor, describe, findQuote, getText, rangeToTextPosition } from '../../../src/shared/anchoring';

interface W3CSelector {
  type: string;
  start?: number;
  end?: number;
  exact?: string;
  prefix?: string;
  suffix?: string;
}

const dir = 'tests/fixtures/anchoring';
const fixtures = ['minimal', 'wikipedia-regression-testing'].map((name) => {
  const html = readFileSync(`${dir}/${name}.html`, 'utf8');
  const rows = JSON.parse(readFileSync(`${dir}/${name}.json`, 'utf8')).rows as { id: string; target: { selector: W3CSelector[] }[] }[];
  const cases = rows.map((row) => {
    const sel = row.target[0].selector;
    const pos = sel.find((s) => s.type === 'TextPositionSelector')!;
    const quote = sel.find((s) => s.type === 'TextQuoteSelector')!;
    return {
      id: row.id,
      quote: { exact: quote.exact!, prefix: quote.prefix!, suffix: quote.suffix! },
      position: { start: pos.start!, end: pos.end! },
    };
  });
  return { name, html, cases };
});

/** Load a saved page as the test document (as the Hypothesis tests do: break src/href so nothing loads). */
function load(html: string): HTMLElement {
  document.documentElement.innerHTML = html.replace(/src=/g, 'sr_=').replace(/href=/g, 'hre_=');
  return document.body;
}

/**
 * Browsers with scripting enabled parse <noscript> content as raw text, so the <img …> markup
 * inside the Wikipedia page's one <noscript> counted as text when the baseline was recorded;
 * happy-dom parses it as an element. Offsets after it are shorter here by that markup's length.
 */
function browserShift(html: string, root: HTMLElement, start: number): number {
  const raw = /<noscript>([\s\S]*?)<\/noscript>/.exec(html)?.[1] ?? '';
  const noscript = root.querySelector('noscript');
  if (!raw || !noscript || noscript.textContent === raw) return 0;
  const range = document.createRange();
  range.selectNode(noscript);
  const at = rangeToTextPosition(root, range).start;
  return start > at ? raw.length : 0;
}

group('Hypothesis HTML baselines', () => {
  it('loads both fixtures with their quotes', () => {
    expect(fixtures.map((f) => f.cases.length)).toEqual([1, 5]);
  });

  for (const { name, html, cases } of fixtures) {
    for (const c of cases) {
      it(`${name} / ${c.id}: anchors "${c.quote.exact.slice(0, 40)}" and describes it back`, () => {
        const root = load(html);
        const range = anchor(root, c);
        expect(range).not.toBeNull();
        expect(range!.toString()).toBe(c.quote.exact);

        const shift = browserShift(html, root, c.position.start);
        const again = describe(root, range!);
        // Same quote selector as the Hypothesis client produced in a browser …
        expect(again.quote).toEqual(c.quote);
        // … and the same position, up to happy-dom's <noscript> parsing (0 for 5 of the 6 quotes).
        expect(again.position).toEqual({ start: c.position.start - shift, end: c.position.end - shift });
        // Where the position no longer fits, the quote search is what found it.
        expect(findQuote(getText(root), c)?.method).toBe(shift ? 'quote' : 'position');
      });

      it(`${name} / ${c.id}: anchors from the quote alone and from a wrong position`, () => {
        const root = load(html);
        const expected = describe(root, anchor(root, c)!);
        for (const selectors of [
          { quote: c.quote },
          { quote: c.quote, position: { start: 0, end: 3 } },
          { quote: c.quote, position: { start: 999_999, end: 1_000_000 } },
        ]) {
          const range = anchor(root, selectors);
          expect(range?.toString()).toBe(c.quote.exact);
          expect(rangeToTextPosition(root, range!)).toEqual(expected.position);
        }
      });
    }
  }

  it('picks the right occurrence of a repeated quote by its context', () => {
    // "Regression testing" occurs many times in the Wikipedia page: context must pick the title.
    const { html, cases } = fixtures[1];
    const root = load(html);
    const title = cases.find((c) => c.quote.exact === 'Regression testing')!;
    const text = getText(root);
    expect(text.split('Regression testing').length - 1).toBeGreaterThan(1);
    const range = anchor(root, { quote: title.quote, position: { start: text.length - 1 } });
    expect(rangeToTextPosition(root, range!)).toEqual(title.position);
  });
});
