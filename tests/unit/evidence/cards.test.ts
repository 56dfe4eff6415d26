import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citationText, sourceLink } from '../../../src/shared/evidence/citation';
import { fleschKincaidGrade } from '../../../src/shared/evidence/readability';
import { localizeCard } from '../../../src/shared/evidence/localize';
import { EvidenceCard } from '../../../src/data/evidence/schema';
import en from '../../../content-data/lexicon/en.json';
import es from '../../../content-data/lexicon/es.json';
import claimsFile from '../../../content-data/claims.json';
import stigma from '../../../content-data/stigma-terms.json';

const dir = 'content-data/evidence';
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const cards = files.map((f) => ({ file: f, raw: JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) }));
const parsed = cards.map(({ raw }) => EvidenceCard.parse(raw));

describe('evidence cards', () => {
  it('there are at least 15, and every card parses', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const { file, raw } of cards) {
      const result = EvidenceCard.safeParse(raw);
      expect(result.success, `${file}: ${result.success ? '' : JSON.stringify(result.error.issues)}`).toBe(true);
    }
  });

  it('every source has a well-formed DOI, PMID or https URL, and each card a primary study or official guidance', () => {
    for (const card of parsed) {
      for (const s of card.sources) {
        expect(s.doi || s.pmid || s.url, card.id).toBeTruthy();
        if (s.doi) expect(s.doi, card.id).toMatch(/^10\.\d{4,9}\/[^\s]+$/);
        if (s.pmid) expect(s.pmid, card.id).toMatch(/^\d{5,9}$/);
        if (s.url) expect(s.url, card.id).toMatch(/^https:\/\/[^\s]+$/);
        expect(sourceLink(s), card.id).toMatch(/^https:\/\//);
      }
      expect(card.sources.some((s) => ['trial', 'observational', 'review', 'guidance', 'label'].includes(s.type)), card.id).toBe(true);
      expect(card.reviewedAt, card.id).toMatch(/^20\d\d-\d\d-\d\d$/);
    }
  });

  it('every claim the detector can find is answered by at least one card, and cards cite only real claim ids', () => {
    const lexiconClaims = new Set([...en.entries, ...es.entries].flatMap((e) => ('c' in e && e.c ? [e.c] : [])));
    const known = new Set(claimsFile.claims.map((c) => c.id));
    expect(lexiconClaims.size).toBeGreaterThanOrEqual(8);
    for (const claim of lexiconClaims) {
      expect(known.has(claim), `lexicon claim ${claim} is not in claims.json`).toBe(true);
      expect(parsed.some((card) => card.claims.includes(claim)), `no card answers ${claim}`).toBe(true);
    }
    for (const card of parsed) for (const claim of card.claims) expect(known.has(claim), `${card.id}: ${claim}`).toBe(true);
  });

  it('our own words are person-first: no stigmatising terms', () => {
    const terms = [...stigma.terms.map((t) => t.term), 'clean', 'dirty', 'abuser', 'abusers'];
    for (const card of parsed) {
      const own = [card.title, card.summary, ...card.keyPoints, ...card.whatYouCanDo, card.professional]
        // Quoted words (e.g. a phrase a page uses, in quotation marks) are not our own.
        .map((t) => t.replace(/[“"'‘][^”"'’]{1,60}[”"'’]/g, ''))
        .join('\n');
      for (const term of terms) {
        expect(own, `${card.id} uses "${term}"`).not.toMatch(new RegExp(`\\b${term}\\b`, 'i'));
      }
    }
  });

  it('family summaries read at grade 8 or below (Flesch-Kincaid)', () => {
    for (const card of parsed) {
      expect(fleschKincaidGrade(card.summary), `${card.id}: ${card.summary}`).toBeLessThanOrEqual(8);
    }
  });

  it('every card speaks Spanish to families: title, summary, every key point and step, numbers kept, person-first', () => {
    const numbers = (text: string) => (text.match(/\d+(?:[.,]\d+)*/g) ?? []).map((n) => n.replace(/[.,]/g, ''));
    const stigmaEs = /\b(adict[oa]s?|drogadict[oa]s?|toxicóman[oa]s?|yonquis?|abusador(es)?)\b/i;
    for (const card of parsed) {
      const es = card.translations?.es;
      expect(es?.title && es.summary && es.keyPoints && es.whatYouCanDo, `${card.id} has no Spanish text`).toBeTruthy();
      const pairs: [string, string][] = [
        [card.title, es!.title!],
        [card.summary, es!.summary!],
        ...card.keyPoints.map((p, i): [string, string] => [p, es!.keyPoints![i]]),
        ...card.whatYouCanDo.map((p, i): [string, string] => [p, es!.whatYouCanDo![i]]),
      ];
      for (const [english, spanish] of pairs) {
        expect(spanish, `${card.id}: untranslated "${english}"`).not.toBe(english);
        for (const n of numbers(english)) expect(numbers(spanish), `${card.id}: ${n} lost in "${spanish}"`).toContain(n);
        expect(spanish, card.id).not.toMatch(stigmaEs);
      }
    }
  });

  it('a Spanish reader gets the Spanish text, with the untranslated professional detail marked English', () => {
    const card = parsed.find((c) => c.id === 'overdose-response')!;
    const es = localizeCard(card, 'es');
    expect(es).toMatchObject({ title: card.translations!.es!.title, textLang: 'es', professionalLang: 'en', professional: card.professional, sources: card.sources });
    expect(localizeCard(card, 'en')).toMatchObject({ title: card.title, textLang: 'en', professionalLang: 'en' });
    expect(localizeCard({ ...card, translations: undefined }, 'es')).toMatchObject({ title: card.title, textLang: 'en' });
  });

  it('covers the subjects families and counselors ask about', () => {
    const ids = parsed.map((c) => c.id);
    for (const id of ['overdose-response', 'naloxone-encourages-use', 'getting-naloxone', 'craft-vs-intervention', 'tough-love-rock-bottom', 'buprenorphine-methadone-mortality']) {
      expect(ids).toContain(id);
    }
  });
});

describe('citations and readability helpers', () => {
  it('formats a citation with its DOI link, without repeating it', () => {
    const source = { citation: 'Walley, A. Y., et al. (2013). Opioid overdose rates and naloxone distribution. BMJ, 346, f174.', doi: '10.1136/bmj.f174', type: 'observational' as const };
    expect(citationText(source)).toBe(`${source.citation} https://doi.org/10.1136/bmj.f174`);
    expect(citationText({ ...source, citation: `${source.citation} https://doi.org/10.1136/bmj.f174` })).toBe(`${source.citation} https://doi.org/10.1136/bmj.f174`);
  });

  it('counts a sentence that ends inside quotes as a sentence', () => {
    expect(fleschKincaidGrade("Ask: 'Can we start today?' Ask: 'Who pays?'")).toBeCloseTo(fleschKincaidGrade('Ask: Can we start today? Ask: Who pays?'), 5);
  });

  it('grades plain words low and dense prose high', () => {
    expect(fleschKincaidGrade('Keep naloxone at home. It is safe. It can save a life.')).toBeLessThan(4);
    expect(fleschKincaidGrade('Pharmacological interventions demonstrating statistically significant reductions in all-cause mortality necessitate comprehensive implementation.')).toBeGreaterThan(14);
  });
});
