import { describe, expect, it } from 'vitest';
import { loadContentData } from '../../../build/load';
import { bundledDetector } from '../../../src/shared/detect';
import { rankCards } from '../../../src/shared/evidence/rank';
import { summarize } from '../../../src/content/analyze';
import { seedText } from '../../../tools/demo-server';

const cards = loadContentData('content-data').evidence;
const detector = bundledDetector();
const rankFor = (text: string) => {
  const analysis = summarize(detector.detect(text), { url: 'https://example.org/', title: 't' }, text.length);
  return rankCards(cards, analysis).map((r) => r.card.id);
};

describe('choosing cards for a page', () => {
  it('seed 002 (CRAFT Q&A, a son who smokes fentanyl) puts CRAFT and buprenorphine/methadone near the top', () => {
    const top = rankFor(seedText('002')).slice(0, 4);
    expect(top).toContain('craft-vs-intervention');
    expect(top).toContain('buprenorphine-methadone-mortality');
  });

  it('seed 000 (a mother’s naloxone story) shows the overdose-response and naloxone cards first', () => {
    const top = rankFor(seedText('000')).slice(0, 3);
    expect(top).toContain('overdose-response');
    expect(top).toContain('naloxone-encourages-use');
  });

  it('"kick him out, let him hit rock bottom" puts the rock-bottom card first', () => {
    const page = `Our son is 24 and addicted to heroin. Everyone at our church says tough love is the only answer:
      kick him out, stop giving him money, and let him hit rock bottom. My husband wants to give him an ultimatum.
      I am scared that if we kick him out he will die. Our family is torn apart by his drug use and we don't know what to do.`;
    expect(rankFor(page)[0]).toBe('tough-love-rock-bottom');
  });

  it('shows nothing for a page about none of the topics', () => {
    expect(rankFor('A recipe for lentil soup with onions, carrots and cumin.')).toEqual([]);
  });
});
