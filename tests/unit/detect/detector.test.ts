import { describe, expect, it } from 'vitest';
import { bundledDetector } from '../../../src/shared/detect';
import { createDetector } from '../../../src/shared/detect/detector';
import { decodeLexicon, encodeLexicon } from '../../../src/shared/detect/lexicon-codec';
import type { DetectConfig, Lexicon } from '../../../src/shared/detect/types';
import en from '../../../content-data/lexicon/en.json';
import es from '../../../content-data/lexicon/es.json';

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
      la reduccion de danos y las tiras reactivas ayudan. Tenía adiccion a la heroina y al fentanilo.`;
    const result = detector.detect(page);
    expect(result.lang).toBe('es');
    expect(result.topics).toContain('overdose');
    expect(result.matches.map((m) => m.phrase)).toEqual(expect.arrayContaining(['reducción de daños', 'heroína']));
    const quoted = detector.detect('“Call me when you’re clean,” she said. Tough love, they said: kick him out, let him hit rock bottom. My son’s heroin addiction');
    expect(quoted.claims).toEqual(expect.arrayContaining(['call_when_clean', 'rock_bottom', 'tough_love_works']));
  });

  it('does not count a word inside a longer word', () => {
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

  it('is deterministic', () => {
    expect(detector.detect(naloxonePage)).toEqual(detector.detect(naloxonePage));
  });

  it('ships lexicons whose compact form decodes to the same entries', () => {
    const byPhrase = (l: Lexicon) => [...l.entries].sort((a, b) => (a.p < b.p ? -1 : a.p > b.p ? 1 : 0));
    for (const lexicon of [en, es] as Lexicon[]) {
      const decoded = decodeLexicon(encodeLexicon(lexicon));
      expect(decoded.lang).toBe(lexicon.lang);
      expect(decoded.entries).toEqual(byPhrase(lexicon));
      expect(encodeLexicon(lexicon).length).toBeLessThan(JSON.stringify(lexicon).length / 2.5);
    }
  });

  it('applies per-topic thresholds, anchors and context from its config', () => {
    const config: DetectConfig = {
      referenceWords: 100,
      topics: {
        overdose: { threshold: 5, minAnchors: 2, minContext: 1 },
        tough_love: { threshold: 99, minAnchors: 1, minContext: 0 },
        treatment: { threshold: 1, minAnchors: 1, minContext: 5 },
      },
    };
    const lexicon: Lexicon = {
      lang: 'en',
      entries: [
        { p: 'naloxone', t: 'overdose', w: 3, a: true },
        { p: 'fentanyl', t: 'overdose', w: 3, a: true, x: 1 },
        { p: 'rehab', t: 'treatment', w: 3, a: true },
      ],
    };
    const small = createDetector(config, [lexicon]);
    expect(small.detect('naloxone naloxone naloxone').topics).toEqual([]); // one anchor, no context
    expect(small.detect('naloxone and fentanyl').topics).toEqual(['overdose']);
    expect(small.detect('rehab fentanyl').topics).toEqual([]); // treatment lacks context 5
  });
});
