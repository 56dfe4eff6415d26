// @vitest-environment happy-dom
/** What to say instead (issue 17): the data covers every claim the issue names; component test of the lines. */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import sayings from '../../../content-data/what-to-say.json';
import claims from '../../../content-data/claims.json';
import { fleschKincaidGrade } from '../../../src/shared/evidence/readability';
import { ClaimWhatToSay } from '../../../src/ui/what-to-say/WhatToSay';
import { useLocale } from '../../support/i18n';

afterEach(cleanup);
const NAMED = ['rock_bottom', 'tough_love_works', 'call_when_clean', 'naloxone_enables_use', 'moud_trading_drugs', 'detox_is_enough', 'must_want_help'];
const byClaim = sayings.claims as Record<string, { id: string; en: string; es: string; sources: string[] }[]>;

describe('what-to-say data', () => {
  it('has two or three lines for each claim issue 17 names, only for claims the detector knows', () => {
    const known = new Set(claims.claims.map((c) => c.id));
    for (const id of Object.keys(byClaim)) expect(known.has(id), id).toBe(true);
    for (const id of NAMED) {
      expect(byClaim[id]?.length, id).toBeGreaterThanOrEqual(2);
      expect(byClaim[id].length, id).toBeLessThanOrEqual(3);
    }
  });

  it('every line is short and plain (grade 8 or lower per claim) and cites a CRAFT, MI or outcome source with a DOI, PMID or URL', () => {
    const sources = sayings.sources as Record<string, { doi?: string; pmid?: string; url?: string }>;
    for (const [id, lines] of Object.entries(byClaim)) {
      expect(fleschKincaidGrade(lines.map((l) => l.en).join(' ')), id).toBeLessThanOrEqual(8);
      for (const line of lines) {
        expect(line.en.length, line.id).toBeLessThanOrEqual(160);
        for (const s of line.sources) expect(sources[s].doi ?? sources[s].pmid ?? sources[s].url, s).toBeTruthy();
      }
    }
  });
});

describe('ClaimWhatToSay (component test)', () => {
  it('renders the claim\'s lines with a copy button and numbered sources, in Spanish for Spanish readers', () => {
    useLocale('es');
    const { getAllByRole, container } = render(<ClaimWhatToSay claim="call_when_clean" open />);
    expect(container.querySelector('summary')?.textContent).toBe('Qué decir en su lugar');
    expect(container.textContent).toContain('siempre voy a contestar cuando llames');
    expect(getAllByRole('button').map((b) => b.textContent)).toEqual(['Copiar', 'Copiar']);
  });

  it('renders nothing for a claim without lines', () => {
    useLocale('en');
    const { container } = render(<ClaimWhatToSay claim="relapse_means_failure" />);
    expect(container.innerHTML).toBe('');
  });
});
