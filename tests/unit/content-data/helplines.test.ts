import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadContentData } from '../../../build/load';
import { HelplinesFile } from '../../../src/data/resources/schema';

const file = HelplinesFile.parse(JSON.parse(readFileSync(process.env.HELPLINES_FILE ?? 'content-data/helplines/helplines.json', 'utf8')));

describe('helplines (issue 13)', () => {
  it('no internal working note leaks into a field the UI shows', () => {
    for (const e of file.entries) {
      for (const text of [e.name, e.hours, e.scope, e.sms, e.es?.name, e.es?.hours, e.es?.scope, e.es?.sms]) {
        expect(text ?? '', e.name).not.toMatch(/per stored|check current|stored copy|\bverify\b|\barticle\b/i);
        expect(text ?? '', e.name).not.toMatch(/TODO|FIXME/);
      }
    }
  });

  it('a line is shown only when its number was read on an official page; the second-hand ones are not shown', () => {
    const names = loadContentData('content-data').helplines.filter((h) => h.confirmed && !h.emergency).map((h) => h.name);
    expect(names.length).toBeGreaterThan(8);
    for (const secondHand of ['Never Use Alone', 'National Overdose Response Service', 'National Alcohol and Other Drug Hotline', 'Alcohol Drug Helpline']) {
      expect(names.some((n) => n.startsWith(secondHand)), secondHand).toBe(false);
    }
    for (const e of file.entries.filter((x) => x.seen_in_stored_copy)) expect(e.official_evidence.every((o) => /^https?:\/\//.test(o.url)), e.name).toBe(true);
  });

  it('says the SAMHSA text line is English only, and records the NORS text option', () => {
    const samhsa = file.entries.find((e) => e.name.startsWith('SAMHSA'))!;
    expect(samhsa.sms).toMatch(/English only/);
    expect(samhsa.es?.sms).toMatch(/solo en inglés/);
    expect(file.entries.find((e) => e.name.includes('NORS'))!.sms).toMatch(/text/i);
  });

  it('every line has Spanish wording for what the UI shows, and a check date', () => {
    for (const e of file.entries) {
      expect(e.es?.scope, e.name).toBeTruthy();
      if (e.hours) expect(e.es?.hours ?? e.hours, e.name).toBeTruthy();
      expect(e.checked, e.name).toMatch(/^20\d\d-\d\d-\d\d$/);
    }
  });
});
