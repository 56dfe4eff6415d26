import { describe, expect, it } from 'vitest';
import { bundledDetector } from '../../../src/shared/detect';
import { createModelDetector } from '../../../src/shared/detect/model';
import { MODEL } from '../../../src/shared/detect/model-data';
import { forEachWord } from '../../../src/shared/detect/tokenize';
import { seedText, SEED_IDS } from '../../../tools/demo-server';

const detector = bundledDetector();

const naloxonePage = `My son overdosed on fentanyl last spring. Because I carried naloxone (Narcan) he is alive.
Some people say naloxone enables drug use; the studies say otherwise. Harm reduction programs,
syringe services and fentanyl test strips keep people who use drugs alive until they are ready for more.`;

describe('detector', () => {
  it('finds a topic with its matched spans, offsets pointing at the page’s own text', () => {
    const result = detector.detect(naloxonePage);
    expect(result.topics).toContain('overdose');
    expect(result.claims).toContain('naloxone_enables_use');
    const span = result.matches.find((m) => m.phrase === 'naloxone')!;
    expect(naloxonePage.slice(span.start, span.end)).toBe('naloxone');
    for (const m of result.matches) expect(naloxonePage.slice(m.start, m.end).length).toBeGreaterThan(0);
  });

  it('ignores case, accents, curly quotes and odd spacing', () => {
    const page = `Mi HIJO tuvo una SOBREDOSIS. La naloxona le salvó la vida. El fentanilo está en todas partes;
      la reducción de daños y las tiras reactivas ayudan. Tenía adicción a la heroína y al fentanilo.`;
    const bare = page.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, '   ');
    const result = detector.detect(page);
    expect(result.lang).toBe('es');
    expect(result.topics).toContain('overdose');
    expect(detector.detect(bare).topics).toEqual(result.topics);
    expect(detector.detect(bare).scores).toEqual(result.scores);
    const quoted = detector.detect(`Our son has used heroin for three years. Everyone in our parents’ group told us to practise tough love.
      “Call me when you’re clean,” my husband said. Kick him out, they said; stop enabling him, set boundaries, let him hit rock bottom.
      We changed the locks and cut off his money. His addiction got worse and I worry every night about an overdose.`);
    expect(quoted.topics).toContain('tough_love');
    expect(quoted.claims).toEqual(expect.arrayContaining(['call_when_clean', 'rock_bottom', 'tough_love_works']));
  });

  it('reads words whole: a word inside a longer word does not count', () => {
    const words: string[] = [];
    forEachWord('The rehabbers’ detoxifying methadonex—site don’t', (w) => words.push(w));
    expect(words).toEqual(['the', 'rehabbers', 'detoxifying', 'methadonex', 'site', 'dont']);
    const result = detector.detect('The rehabbers restored the detoxifying methadonex site');
    expect(result.matches.map((m) => m.phrase)).not.toContain('rehab');
    expect(result.matches.map((m) => m.phrase)).not.toContain('methadone');
  });

  it('needs more than a passing mention', () => {
    const passing = `The new album was written after a stint in rehab, the singer said. ${'The band toured Europe and Japan, played forty shows and recorded live. '.repeat(30)}`;
    expect(detector.detect(passing).topics).toEqual([]);
  });

  it.each([
    ['water treatment', 'Water treatment plants remove contaminants. Wastewater treatment uses filtration, chlorination and UV. The treatment process protects drinking water.'],
    ['digital detox', 'A digital detox means time away from screens. Try a social media detox for a weekend; detox your phone habits and set screen time limits.'],
    ['vitamin overdose', 'Keep gummy vitamins away from children. An overdose of iron supplements or vitamin A is dangerous; call poison control if your child swallows pills.'],
    ['dog training', 'Tough love in dog training: set boundaries for your puppy, use the leash, and stop enabling bad habits with treats.'],
  ])('says nothing about %s', (_kind, text) => {
    expect(detector.detect(text).topics).toEqual([]);
  });

  it('turns a page without a single drug- or alcohol-use word away at the first pass', () => {
    const recipe = 'Preheat the oven to 200 degrees. Chop the onions and garlic, then fry them gently in olive oil until soft. '.repeat(200);
    const result = detector.detect(recipe);
    expect(result).toMatchObject({ lang: 'en', topics: [], context: 0, matches: [] });
    // The gate is what turned it away: the model would have read its words.
    expect(new RegExp(MODEL.gate, 'i').test(recipe)).toBe(false);
  });

  it('shows readers phrases, never stem syntax or a bare family word as a reason', () => {
    const shown = SEED_IDS.flatMap((id) => detector.detect(seedText(id)).matches.map((m) => m.phrase));
    expect(shown.length).toBeGreaterThan(20);
    expect(shown.filter((p) => /[*|!]/.test(p))).toEqual([]);
    for (const family of ['my son', 'my daughter', 'son', 'mi hijo', 'hijo', 'family']) expect(shown).not.toContain(family);
  });

  it('is deterministic, and the same data gives the same detector', () => {
    expect(detector.detect(naloxonePage)).toEqual(detector.detect(naloxonePage));
    expect(createModelDetector(MODEL).detect(naloxonePage)).toEqual(detector.detect(naloxonePage));
  });
});
