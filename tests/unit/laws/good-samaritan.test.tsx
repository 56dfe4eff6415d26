// @vitest-environment happy-dom
/**
 * Issue 13, dangerous finding 1: the law panel told Kansas, Wyoming and Texas readers they had no
 * Good Samaritan protection ("none recorded as of 2021"). A family reading "none" may not call 911.
 * These tests render the real panel from the real bundled data.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadContentData } from '../../../build/load';
import { StateLawsFile } from '../../../src/data/resources/directory-schema';
import { resolveStateLaw } from '../../../src/data/resources/state-law';
import type { StateLaw } from '../../../src/data/resources/law-table';
import { LawPanel } from '../../../src/ui/LawPanel';
import { useLocale } from '../../support/i18n';

const laws = loadContentData('content-data').stateLaws;
const rawLaws = StateLawsFile.parse(JSON.parse(readFileSync('content-data/resources/state-laws.json', 'utf8'))).states;
const law = (code: string): StateLaw => {
  const found = laws.find((l) => l.state === code);
  if (!found) throw new Error(`no law row for ${code}`);
  return found;
};
const cell = (code: string, topic: string) => law(code).cells.find((c) => c.topic === topic);

/** The panel's text as read aloud: block elements separated by a space. */
function panelText(code: string, lang: 'en' | 'es', topic?: string): string {
  useLocale(lang);
  const { container } = render(<LawPanel law={law(code)} />);
  const root = topic ? container.querySelector(`li[data-topic="${topic}"]`) : container;
  root?.querySelectorAll('p, li, h3, summary, details').forEach((el) => {
    el.before(' ');
    el.after(' ');
  });
  const text = (root?.textContent ?? '').replace(/\s+/g, ' ').trim();
  cleanup();
  return text;
}

afterEach(cleanup);

describe('Good Samaritan protection is never shown as "none"', () => {
  it.each(['KS', 'WY', 'TX'])('%s shows its Good Samaritan law with a source and date', (code) => {
    const gs = cell(code, 'goodSamaritan');
    expect(gs?.status).toMatch(/^(yes|partial)$/);
    expect(gs?.source.url).toMatch(/^https:\/\//);
    expect(gs?.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('no state or DC shows "none" (or "no") for Good Samaritan, in English or Spanish', () => {
    expect(laws.length).toBeGreaterThanOrEqual(51);
    for (const { state } of laws) {
      expect(cell(state, 'goodSamaritan')?.status, state).not.toBe('no');
      for (const lang of ['en', 'es'] as const) {
        const text = panelText(state, lang);
        expect(text, `${state} ${lang}`).not.toMatch(/\bnone\b|ninguna registrada|no such law/i);
      }
    }
  });

  it('Kansas (EN): yes since 2024, in plain words, with its source and as-of date', () => {
    const text = panelText('KS', 'en');
    expect(text).toContain('Laws in Kansas');
    expect(text).toContain('call 911 first');
    expect(text).toMatch(/Good Samaritan overdose law \(protection when you call for help\): Yes, since 2024\./);
    expect(text).toContain('you are protected from charges for having drugs');
    expect(text).toMatch(/Source: K\.S\.A\. 22-2312.*, as of 2026-12-03/);
  });

  it('Kansas (ES): sí desde 2024, con fuente y fecha', () => {
    const text = panelText('KS', 'es');
    expect(text).toContain('Leyes en Kansas');
    expect(text).toMatch(/Ley del Buen Samaritano para sobredosis \(protección al pedir ayuda\): Sí, desde 2024\./);
    expect(text).toContain('está protegido de cargos');
    expect(text).toMatch(/Fuente: K\.S\.A\. 22-2312.*, datos a 2026-12-03/);
  });

  it('Wyoming (EN/ES): yes since 2025-07-01 with its conditions', () => {
    expect(panelText('WY', 'en')).toMatch(/: Yes, since 2025-07-01\. If you call for medical help .*stay until police or medics arrive/);
    expect(panelText('WY', 'es')).toMatch(/: Sí, desde 2025-07-01\. Si pide ayuda médica .*se queda hasta que llegue/);
  });

  it('Texas (EN/ES): partly, a defence in court, not full protection', () => {
    expect(panelText('TX', 'en')).toMatch(/: Partly, since 2021\. Texas gives a defense in court, not full protection/);
    expect(panelText('TX', 'es')).toMatch(/: En parte, desde 2021\. Texas da una defensa ante el tribunal/);
  });

  it('Georgia (EN/ES): naloxone access law since 2014-04-24 (the research data had none)', () => {
    expect(cell('GA', 'naloxone')).toMatchObject({ status: 'yes', since: '2014-04-24', origin: 'table' });
    expect(panelText('GA', 'en')).toMatch(/Naloxone access law: Yes, since 2014-04-24\. What this means Doctors may prescribe naloxone/);
    expect(panelText('GA', 'es')).toMatch(/Ley de acceso a la naloxona: Sí, desde 2014-04-24\. Qué significa Los médicos pueden recetar naloxona/);
  });
});

describe('other dated, cited corrections', () => {
  it.each(['AZ', 'OK', 'WV'])('%s: syringe services programs authorised in 2021 (the 2019 data said no)', (code) => {
    const ssp = cell(code, 'syringeServices');
    expect(ssp?.status).toMatch(/^(yes|partial)$/);
    expect(ssp?.since).toMatch(/^2021/);
    expect(ssp?.origin).toBe('table');
  });

  it('North Carolina: arrest protection since August 2015 is stated (the stored flag said none)', () => {
    expect(cell('NC', 'goodSamaritan')?.summary?.en).toMatch(/Since August 2015 you also can't be arrested/);
    expect(cell('NC', 'goodSamaritan')?.source.cite).toContain('2015-94');
  });

  it('a research-data "no such law" is shown as "not confirmed", never as "none" (EN/ES)', () => {
    // Idaho's research row has no naloxone standing order up to 2022: that is not "none today".
    expect(cell('ID', 'standingOrder')).toMatchObject({ status: 'unconfirmed', asOf: '2022-12-31' });
    const en = panelText('ID', 'en');
    expect(en).toMatch(/Naloxone standing order \(get it at a pharmacy without your own prescription\): Not confirmed for this state\. What this means We could not confirm a statewide standing order/);
    const es = panelText('ID', 'es');
    expect(es).toMatch(/Orden permanente de naloxona \(en la farmacia sin receta propia\): Sin confirmar para este estado\. Qué significa No pudimos confirmar/);
  });

  it('where the table has no cell, the research data are shown as such, "not confirmed" for "no law"', () => {
    const raw = rawLaws.find((r) => r.state === 'ID')!;
    const shown = resolveStateLaw('ID', raw, undefined)!;
    expect(shown.cells.find((c) => c.topic === 'standingOrder')).toMatchObject({ status: 'unconfirmed', origin: 'dataset', asOf: '2022' });
    useLocale('en');
    const { container } = render(<LawPanel law={shown} />);
    expect(container.textContent).toMatch(/Naloxone standing order \([^)]*\): Not confirmed for this state\. From research data that end in 2019–2022/);
  });
});
