import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Issue 13's fact-check: statements found wrong or out of date must not come back.
const dir = process.env.EVIDENCE_DIR ?? 'content-data/evidence';
const cards = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f.replace(/\.json$/, ''), readFileSync(`${dir}/${f}`, 'utf8')]));
const all = Object.values(cards).join('\n');

describe('content audit 2026-12 fixes', () => {
  it('OTC naloxone: RiVive 3 mg and generic sprays, not "other forms still need a prescription"', () => {
    expect(all).not.toMatch(/Other forms of naloxone still need a prescription|Otras formas de naloxona todavía necesitan receta/);
    expect(cards['getting-naloxone']).toMatch(/RiVive 3 mg on 28 July 2023/);
    expect(cards['getting-naloxone']).toMatch(/RiVive de 3 mg el 28 de julio de 2023/);
  });

  it('Good Samaritan: every US state and DC, not "almost every state"', () => {
    expect(all).not.toMatch(/[Aa]lmost every US state|casi todos los estados/);
    expect(cards['good-samaritan-laws']).toMatch(/Every US state and Washington, DC/);
  });

  it('federal policy is not stated as a current agency position', () => {
    expect(all).not.toMatch(/SAMHSA calls harm reduction|Since April 2021, the CDC and SAMHSA have allowed|SAMHSA counts drug checking/);
  });

  it('precision: bystanders 44%, CRAFT 58.6% everywhere, OPC deaths nearby in Vancouver only, no "relapse rates"', () => {
    expect(all).not.toMatch(/about 4 in 10 opioid overdose deaths|roughly 4 in 10|roughly 40%/);
    expect(cards['never-use-alone']).toMatch(/44%/);
    expect(all).not.toMatch(/CRAFT engaged 59%|58% to 77%|59% to 77%/);
    expect(all).not.toMatch(/Studies in Vancouver and New York found fewer deaths nearby/);
    expect(cards['relapse-and-repeat-treatment']).not.toMatch(/relapse rates for asthma/);
  });

  it('Spanish: "síntomas de abstinencia" for withdrawal, no regional "con internación"', () => {
    expect(all).not.toMatch(/Esto es abstinencia|pasar la abstinencia|con internación/);
  });
});
