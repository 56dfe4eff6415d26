import { describe, expect, it } from 'vitest';
import steps from '../../../content-data/overdose-steps.json';
import { OverdoseStepsFile } from '../../../src/data/overdose-steps';

const file = OverdoseStepsFile.parse(steps);
const en = file.steps.map((s) => s.en);
const es = file.steps.map((s) => s.es);
const index = (re: RegExp, texts = en) => texts.findIndex((t) => re.test(t));

// Issue 13 (dangerous): with xylazine and medetomidine in the supply a person can breathe again and
// still not wake, so the re-dose decision is about breathing, and it must come right after the dose.
describe('popup overdose steps', () => {
  it('start with the local emergency number and fit one screen (6 top-level steps or fewer)', () => {
    expect(en[0]).toMatch(/^Call \{emergency\}/);
    expect(es[0]).toMatch(/^Llame al \{emergency\}/);
    expect(file.steps.length).toBeLessThanOrEqual(6);
  });

  it('re-dose on breathing, not on waking, right after the naloxone step, with the label’s "very sleepy again"', () => {
    const naloxone = file.steps.findIndex((s) => s.id === 'naloxone');
    const repeat = file.steps.findIndex((s) => s.id === 'repeat');
    expect(repeat).toBe(naloxone + 1);
    expect(en[repeat]).toMatch(/breathing/i);
    expect(en[repeat]).not.toMatch(/not awake|wake/i);
    expect(en[repeat]).toMatch(/very sleepy/i);
    expect(en[repeat]).toMatch(/stop breathing again/i);
    expect(es[repeat]).toMatch(/si es necesario/i);
    expect(es[repeat]).toMatch(/respira/i);
    expect(es[repeat]).not.toMatch(/despierta/i);
  });

  it('say once, plainly, that naloxone does not reverse xylazine or medetomidine, to give it anyway, and that breathing comes first', () => {
    for (const texts of [en, es]) {
      const i = index(/xylazin|xilacina/i, texts);
      expect(i, texts.join('\n')).toBeGreaterThan(0);
      expect(texts[i]).toMatch(/medetomidin/i);
      expect(texts[i]).toMatch(/anyway|de todos modos/i);
      expect(texts[i]).toMatch(/breath|respir/i);
    }
    expect(en[index(/xylazine/i)]).toMatch(/not wake|breathe but/i);
  });

  it('keep rescue breathing, the recovery position, staying, and naloxone wearing off; and give injectable kits their own instruction', () => {
    expect(index(/rescue breath/i)).toBeGreaterThan(0);
    expect(index(/on their side/i)).toBeGreaterThan(0);
    expect(index(/stay with them/i)).toBeGreaterThan(0);
    expect(index(/wears off/i)).toBeGreaterThan(0);
    expect(en[file.steps.findIndex((s) => s.id === 'naloxone')]).toMatch(/inject/i);
    expect(es[file.steps.findIndex((s) => s.id === 'naloxone')]).toMatch(/inyec/i);
    expect(index(/respiración de rescate/i, es)).toBeGreaterThan(0);
    expect(index(/de lado/i, es)).toBeGreaterThan(0);
  });

  it('every step and the signs cite listed sources, and the file has a review date', () => {
    expect(file.reviewedAt).toMatch(/^20\d\d-\d\d-\d\d$/);
    for (const s of file.steps) for (const id of s.sources) expect(file.sources[id], `${s.id} cites ${id}`).toBeDefined();
  });
});
