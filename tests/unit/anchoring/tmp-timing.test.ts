// @vitest-environment happy-dom
import { it } from 'vitest';
import { anchor, describe, findQuote, getText, textPositionToRange } from '../../../src/anchoring';
it('timing', () => {
  const words = 'the a of to and in that for is on with as was by family help treatment people study support care risk time community recovery'.split(' ');
  let seed = 42; const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const big = document.createElement('div');
  let size = 0, n = 0;
  let t = performance.now();
  while (size < 5_000_000) { let s = ''; while (s.length < 480) s += words[Math.floor(random() * words.length)] + ' '; const p = document.createElement('p'); p.textContent = `${n++}: ${s}`; big.append(p); size += s.length; }
  console.log('build', performance.now() - t);
  const target = big.children[Math.floor(n * 0.8)];
  const quote = 'offering naloxone to every family member kept people alive';
  target.textContent += quote + ' and more.';
  t = performance.now(); const text = getText(big); console.log('getText', performance.now() - t);
  const start = text.indexOf(quote);
  t = performance.now(); const saved = describe(big, textPositionToRange(big, start, start + quote.length)!); console.log('describe+tpr', performance.now() - t);
  t = performance.now(); anchor(big, saved); console.log('anchor position', performance.now() - t);
  big.children[10].textContent = 'new text ' + big.children[10].textContent;
  t = performance.now(); anchor(big, saved); console.log('anchor exact', performance.now() - t);
  target.textContent = target.textContent!.replace('every family member', 'every famly member');
  t = performance.now(); anchor(big, saved); console.log('anchor fuzzy', performance.now() - t);
  const text2 = getText(big);
  t = performance.now(); console.log(findQuote(text2, saved)); console.log('findQuote fuzzy only', performance.now() - t);
  const long = text2.slice(start - 500, start + 500);
  t = performance.now(); console.log(findQuote(text2, { quote: { exact: long.replace('family', 'famXly').replace('the', 'thx') }, position: { start: 0 } })?.start, start - 500); console.log('1000-char fuzzy far hint', performance.now() - t);
  t = performance.now(); console.log(findQuote(text2, { quote: { exact: 'the people xyzzy treatment' }, position: { start: 0 } })); console.log('deleted short', performance.now() - t);
});
