// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { anchor, getText, HIGHLIGHT_TAG, highlightRange, removeHighlights, textPositionToRange } from '../../../src/shared/anchoring';

const HTML = `<article>
  <p>Many parents are told to <b>step back</b> and wait for <i>rock <u>bottom</u></i>.</p>
  <table><tbody>
    <tr><td>naloxone</td><td>free at many pharmacies</td></tr>
  </tbody></table>
  <style>p { color: red }</style><script>var x = "step back";</script>
  <p>Call for help. <svg><text>svg text</text></svg> Stay with them.</p>
</article>`;

let root: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = `<div id="root">${HTML}</div>`;
  root = document.getElementById('root')!;
});

const rangeOf = (el: Element, quote: string) => {
  const text = getText(el);
  const start = text.indexOf(quote);
  return textPositionToRange(el, start, start + quote.length)!;
};

describe('highlightRange / removeHighlights', () => {
  it('wraps only text nodes, across elements, and removal restores innerHTML exactly', () => {
    const before = root.innerHTML;
    const text = getText(root);
    const marks = highlightRange(rangeOf(root, 'told to step back and wait for rock bot'), 'sc-hl');
    expect(marks.map((m) => m.textContent).join('')).toBe('told to step back and wait for rock bot');
    expect(marks.every((m) => m.localName === HIGHLIGHT_TAG && m.className === 'sc-hl' && m.childNodes.length === 1 && m.firstChild!.nodeType === 3)).toBe(true);
    expect(root.querySelector('b')!.innerHTML).toBe(`<${HIGHLIGHT_TAG} class="sc-hl">step back</${HIGHLIGHT_TAG}>`);
    expect(getText(root)).toBe(text);
    expect(removeHighlights(root)).toBe(marks.length);
    expect(root.innerHTML).toBe(before);
    // The split text nodes are merged back: same number of text nodes as before.
    expect(root.querySelector('p')!.childNodes.length).toBe(5);
    expect(root.querySelector('u')!.childNodes.length).toBe(1);
  });

  it('skips whitespace between table cells, style, script and SVG text', () => {
    const before = root.innerHTML;
    const all = document.createRange();
    all.selectNodeContents(root);
    const marks = highlightRange(all, 'x');
    for (const m of marks) expect(/\S/.test(m.textContent!)).toBe(true);
    expect(root.querySelector('style')!.children.length).toBe(0);
    expect(root.querySelector('script')!.children.length).toBe(0);
    expect(root.querySelector('svg text')!.children.length).toBe(0);
    expect(root.querySelector('tbody')!.querySelectorAll(`:scope > ${HIGHLIGHT_TAG}`).length).toBe(0);
    expect(marks.map((m) => m.textContent)).toContain('free at many pharmacies');
    removeHighlights(root);
    expect(root.innerHTML).toBe(before);
  });

  it('handles overlapping highlights, a custom tag, and leaves other roots alone', () => {
    const outside = document.createElement('p');
    outside.innerHTML = 'keep <second-chance-mark>this</second-chance-mark>';
    document.body.append(outside);
    const before = root.innerHTML;
    highlightRange(rangeOf(root, 'parents are told'), 'a');
    highlightRange(rangeOf(root, 'are told to step'), 'b');
    highlightRange(rangeOf(root, 'Call for'), 'c', 'mark-two');
    expect(root.querySelectorAll(HIGHLIGHT_TAG).length).toBeGreaterThanOrEqual(3);
    expect(removeHighlights(root, 'mark-two')).toBe(1);
    removeHighlights(root);
    expect(root.innerHTML).toBe(before);
    expect(outside.innerHTML).toBe('keep <second-chance-mark>this</second-chance-mark>');
  });

  it('highlights an anchored quote on a real page and restores it', () => {
    const html = readFileSync('tests/fixtures/anchoring/wikipedia-regression-testing.html', 'utf8');
    document.documentElement.innerHTML = html.replace(/src=/g, 'sr_=').replace(/href=/g, 'hre_=');
    const page = document.body;
    const before = page.innerHTML;
    const rows = JSON.parse(readFileSync('tests/fixtures/anchoring/wikipedia-regression-testing.json', 'utf8')).rows;
    for (const row of rows) {
      const q = row.target[0].selector.find((s: { type: string }) => s.type === 'TextQuoteSelector');
      const marks = highlightRange(anchor(page, { quote: q })!, 'sc');
      expect(marks.map((m) => m.textContent).join('').replace(/\s+/g, ' ')).toBe(q.exact.replace(/\s+/g, ' ').trim());
    }
    // Anchoring still works with highlights in place (they do not change the text).
    expect(anchor(page, { quote: { exact: 'Regression testing' }, position: { start: 33, end: 51 } })!.toString()).toBe('Regression testing');
    removeHighlights(page);
    expect(page.innerHTML).toBe(before);
  });

  it('never throws and returns no marks for collapsed or detached ranges', () => {
    const r = document.createRange();
    expect(highlightRange(r, 'x')).toEqual([]);
    const lone = document.createTextNode('alone');
    r.setStart(lone, 0);
    r.setEnd(lone, 3);
    expect(highlightRange(r, 'x')).toEqual([]);
    expect(removeHighlights(root, '!!bad selector')).toBe(0);
  });
});
