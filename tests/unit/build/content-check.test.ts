import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, formatProblems, numbersIn, type ContentRule } from '../../../build/content-check';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** A copy of content-data/ (without the large directory files) with one JSON file edited. */
function seeded(file: string, edit: (data: any) => void): string {
  dir = mkdtempSync(join(tmpdir(), 'content-check-'));
  const root = join(dir, 'content-data');
  for (const part of ['evidence', 'helplines', 'overdose-steps.json']) cpSync(join('content-data', part), join(root, part), { recursive: true });
  const path = join(root, file);
  const data = JSON.parse(readFileSync(path, 'utf8'));
  edit(data);
  writeFileSync(path, JSON.stringify(data));
  return root;
}

const messages = (root: string) => formatProblems(checkContent(root).problems);

describe('npm run content:check', () => {
  it('passes on the shipped content, with every card sentence tied to a source', () => {
    const report = checkContent('content-data');
    expect(formatProblems(report.problems)).toBe('');
    expect(report.cards.length).toBeGreaterThanOrEqual(20);
    for (const c of report.cards) expect(c.cited, c.id).toBeGreaterThan(0);
  });

  it('fails when a number on a card is removed from its source note', () => {
    const root = seeded('evidence/getting-naloxone.json', (card) => {
      const source = card.sources.find((s: any) => s.id === 'yang-2021');
      source.note = source.note.replace(/3,?609/g, 'several thousand');
    });
    expect(messages(root)).toMatch(/getting-naloxone\.json: keyPoints\[2\]: the number 3609 is not in the note of any source it cites \(yang-2021\)/);
  });

  it('fails on a missing review date (card, steps, helpline)', () => {
    expect(messages(seeded('evidence/naltrexone.json', (c) => delete c.reviewedAt))).toMatch(/naltrexone\.json: reviewedAt: needs a review date/);
    expect(messages(seeded('overdose-steps.json', (s) => (s.reviewedAt = '')))).toMatch(/overdose-steps\.json: reviewedAt: needs a review date/);
    expect(messages(seeded('helplines/helplines.json', (h) => delete h.entries[2].checked))).toMatch(/entries\[2\] \(988 Suicide & Crisis Lifeline\): needs a "checked" date/);
  });

  it('fails on a grade-11 key point', () => {
    const root = seeded('evidence/words-matter.json', (c) => {
      c.keyPoints[1] = 'Stigmatizing terminology substantially diminishes individuals’ willingness to seek evidence-based treatment and influences clinicians’ therapeutic decisions.';
    });
    const found = messages(root).match(/words-matter\.json: keyPoints\[1\]: reads at grade (\d+\.\d); no single item may be above grade 10/);
    expect(found, messages(root)).not.toBeNull();
    expect(Number(found![1])).toBeGreaterThanOrEqual(11);
  });

  it('fails when English and Spanish say different numbers, and on a malformed source', () => {
    expect(messages(seeded('evidence/never-use-alone.json', (c) => (c.translations.es.keyPoints[1] = c.translations.es.keyPoints[1].replace('44', '40'))))).toMatch(
      /never-use-alone\.json: es\.keyPoints\[1\]: English and Spanish numbers differ \(only in English: 44; only in Spanish: 40\)/,
    );
    expect(messages(seeded('evidence/naltrexone.json', (c) => (c.sources[0].doi = 'doi:10.1016/x')))).toMatch(/naltrexone\.json: sources\[0\]\.doi: "doi:10\.1016\/x" is not a DOI/);
    expect(messages(seeded('evidence/naltrexone.json', (c) => (c.sources[0].pmid = '12')))).toMatch(/sources\[0\]\.pmid: "12" is not a PMID/);
  });

  it('fails when a sentence cites nothing, or cites a source that does not exist', () => {
    expect(messages(seeded('evidence/words-matter.json', (c) => (c.cites.keyPoints[0] = [])))).toMatch(/words-matter\.json: cites\.keyPoints\[0\]: states a fact but cites no source/);
    expect(messages(seeded('evidence/words-matter.json', (c) => (c.cites.keyPoints[0] = ['nobody-2099'])))).toMatch(/cites unknown source id "nobody-2099"/);
  });

  it('fails when a popup step states a number its sources do not, or a helpline is "confirmed" on a non-official page', () => {
    expect(messages(seeded('overdose-steps.json', (s) => (s.steps[2].en = s.steps[2].en.replace('2–3', '17–19'))))).toMatch(/overdose-steps\.json: steps\[2\]: the number 17 is not in the note/);
    const root = seeded('helplines/helplines.json', (h) => (h.entries[1].official_evidence = [{ url: 'https://streetconnections.ca/overdose-prevention', owner: 'government' }]));
    expect(messages(root)).toMatch(/streetconnections\.ca is not a government host/);
  });

  it('takes extra rules (state-law rows join later) and reports their problems the same way', () => {
    const rule: ContentRule = () => [{ file: 'content-data/resources/state-laws.json', where: 'states[0]', message: 'needs an as-of date' }];
    expect(formatProblems(checkContent('content-data', [rule]).problems)).toBe('content-data/resources/state-laws.json: states[0]: needs an as-of date');
  });

  it('reads numbers the way cards write them', () => {
    expect(numbersIn('3,609 people; 58.6%; 2–3 minutes; 1995-96')).toEqual(['3609', '58.6', '2', '3', '1995', '96']);
  });
});
