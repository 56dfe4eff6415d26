/**
 * The law table's rules (issue 13): every state and DC, every topic, every cell sourced and dated;
 * a cell read more than 24 months ago needs a dated review note. Each rule is shown to fail on a
 * seeded mistake, so the check cannot pass by accident.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../build/content-check';
import { checkLawContent, lawContentRule } from '../../../build/law-content';
import { loadContentData } from '../../../build/load';
import { checkLawTable, isoToday, LAW_JURISDICTIONS, monthsBefore } from '../../../src/data/resources/law-check';
import { LAW_TOPICS, LawTableFile, type LawCell } from '../../../src/data/resources/law-table';

const real = (): LawTableFile => LawTableFile.parse(JSON.parse(readFileSync('content-data/laws/us-state-laws.json', 'utf8')));
const TODAY = '2026-12-03';

describe('the shipped law table', () => {
  it('passes every rule today (what `npm run content:check` runs, through lawContentRule)', () => {
    expect(checkLawContent('content-data', isoToday())).toEqual([]);
    expect(checkContent('content-data', [lawContentRule]).problems.filter((p) => p.file.includes('laws/'))).toEqual([]);
  });

  it('reports in the content check\'s shape, and a broken file as one problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'laws-'));
    try {
      const table = real();
      delete table.states.WY;
      cpSync('content-data/laws', join(dir, 'laws'), { recursive: true });
      writeFileSync(join(dir, 'laws/us-state-laws.json'), JSON.stringify(table));
      expect(lawContentRule(dir)).toEqual([{ file: 'content-data/laws/us-state-laws.json', where: 'WY', message: 'missing (every state and DC needs an entry)' }]);
      writeFileSync(join(dir, 'laws/us-state-laws.json'), '{ "states": ');
      expect(lawContentRule(dir)).toEqual([expect.objectContaining({ file: 'content-data/laws/us-state-laws.json', message: expect.stringMatching(/^not readable JSON/) })]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has 50 states + DC, each with all five topics, each cell with a source and an as-of date', () => {
    const table = real();
    expect(Object.keys(table.states).sort()).toEqual([...LAW_JURISDICTIONS].sort());
    for (const [code, entry] of Object.entries(table.states)) {
      for (const topic of LAW_TOPICS) {
        const cell = entry[topic] as LawCell;
        expect(cell, `${code} ${topic}`).toBeDefined();
        expect(cell.source.url, `${code} ${topic}`).toMatch(/^https?:\/\/\S+$/);
        expect(cell.source.cite.length).toBeGreaterThan(4);
        expect(cell.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('no state says it has no Good Samaritan protection', () => {
    for (const [code, entry] of Object.entries(real().states)) expect(entry.goodSamaritan?.status, code).toMatch(/^(yes|partial)$/);
  });
});

describe('each rule fails on a seeded mistake', () => {
  const mutate = (edit: (t: LawTableFile) => void) => {
    const table = real();
    edit(table);
    return checkLawTable(table, TODAY).map((p) => `${p.where}: ${p.message}`);
  };

  it('a missing state, a missing topic, an unknown code', () => {
    expect(mutate((t) => delete t.states.KS)).toContain('KS: missing (every state and DC needs an entry)');
    expect(mutate((t) => delete t.states.WY.testStrips).join('\n')).toMatch(/WY testStrips: missing/);
    expect(mutate((t) => (t.states.XX = t.states.KS)).join('\n')).toMatch(/XX: not one of the 50 states or DC/);
  });

  it('a cell read more than 24 months ago without a review note', () => {
    const problems = mutate((t) => {
      t.states.KS.goodSamaritan!.asOf = '2024-12-02';
      delete t.states.KS.goodSamaritan!.review;
      t.states.KS.goodSamaritan!.source.kind = 'statute';
    });
    expect(problems).toEqual([
      'KS goodSamaritan: source read on 2024-12-02, more than 24 months ago: re-check it and update asOf, or add a dated review note',
    ]);
    // Exactly 24 months is still inside the window.
    expect(
      mutate((t) => {
        t.states.KS.goodSamaritan!.asOf = '2024-12-03';
        delete t.states.KS.goodSamaritan!.review;
        t.states.KS.goodSamaritan!.source.kind = 'statute';
      }),
    ).toEqual([]);
  });

  it('a review note that is itself older than 24 months', () => {
    const problems = mutate((t) => (t.states.AL.standingOrder!.review!.on = '2023-01-01'));
    expect(problems.join('\n')).toMatch(/AL standingOrder: the review note of 2023-01-01 is itself more than 24 months old/);
  });

  it('Good Samaritan "no", a secondary source without a note, numbers that differ between languages, "none", future dates', () => {
    expect(mutate((t) => (t.states.TX.goodSamaritan!.status = 'no')).join('\n')).toMatch(/TX goodSamaritan: every state has some Good Samaritan protection/);
    expect(mutate((t) => delete t.states.KS.goodSamaritan!.review).join('\n')).toMatch(/KS goodSamaritan: a secondary source needs a review note/);
    expect(mutate((t) => (t.states.GA.goodSamaritan!.summary.es = t.states.GA.goodSamaritan!.summary.es.replace('4 gramos', '5 gramos'))).join('\n')).toMatch(
      /GA goodSamaritan: the English and Spanish summaries do not have the same numbers/,
    );
    expect(mutate((t) => (t.states.CO.naloxone!.summary.en = 'None recorded as of 2021.')).join('\n')).toMatch(/CO naloxone: say what is known or "not confirmed", never "none"/);
    expect(mutate((t) => (t.states.CO.naloxone!.asOf = '2027-01-01')).join('\n')).toMatch(/CO naloxone: asOf 2027-01-01 is in the future/);
    expect(mutate((t) => (t.states.WY.goodSamaritan!.since = '2027')).join('\n')).toMatch(/WY goodSamaritan: since 2027 is after asOf/);
  });

  it('the schema rejects a cell without a source or with a bad date', () => {
    const table = JSON.parse(readFileSync('content-data/laws/us-state-laws.json', 'utf8'));
    delete table.states.KS.goodSamaritan.source;
    expect(LawTableFile.safeParse(table).success).toBe(false);
    const bad = JSON.parse(readFileSync('content-data/laws/us-state-laws.json', 'utf8'));
    bad.states.KS.goodSamaritan.asOf = '2026-02-30';
    expect(LawTableFile.safeParse(bad).success).toBe(false);
  });
});

describe('monthsBefore', () => {
  it('counts calendar months and clamps to the month end', () => {
    expect(monthsBefore('2026-12-03', 24)).toBe('2024-12-03');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2024-02-29', 24)).toBe('2022-02-28');
    expect(monthsBefore('2026-01-15', 13)).toBe('2024-12-15');
  });
});

describe('the build validates the law table', () => {
  it('a table cell without a source stops the build, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'laws-'));
    try {
      const root = join(dir, 'content-data');
      cpSync('content-data', root, { recursive: true, filter: (src) => !src.includes('/raw') });
      const table = JSON.parse(readFileSync('content-data/laws/us-state-laws.json', 'utf8'));
      delete table.states.KS.goodSamaritan.source;
      writeFileSync(join(root, 'laws/us-state-laws.json'), JSON.stringify(table));
      expect(() => loadContentData(root)).toThrow(/content-data\/laws\/us-state-laws\.json: field states\.KS\.goodSamaritan\.source:/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
