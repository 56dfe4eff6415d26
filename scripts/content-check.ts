/** `npm run content:check`: the offline content check (build/content-check.ts, with the state-law rule from build/law-content.ts and the family-tools rule from build/family-content.ts). Exit 1 on any problem. */
import { checkContent, formatProblems } from '../build/content-check';
import { familyContentRule } from '../build/family-content';
import { lawContentRule } from '../build/law-content';

const { problems, cards } = checkContent('content-data', [lawContentRule, familyContentRule]);
const cited = cards.reduce((n, c) => n + c.cited, 0);
const units = cards.reduce((n, c) => n + c.units, 0);
const numbers = cards.reduce((n, c) => n + c.numbers, 0);
if (problems.length) {
  console.error(formatProblems(problems));
  console.error(`content:check: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`content:check: ok (${cards.length} cards, ${cited} of ${units} sentence groups cite a source, ${numbers} numbers traced to source notes)`);
