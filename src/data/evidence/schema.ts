import { z } from 'zod';
import { TOPICS } from '../../shared/detect/types';

/** Topic ids shared by the detector, the cards and the UI. */
export const TopicId = z.enum(TOPICS);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const Source = z
  .object({
    /** What a card sentence cites (`cites`), unique within the card. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'source ids are kebab-case').optional(),
    citation: z.string().min(10),
    doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, 'a DOI looks like 10.xxxx/...').optional(),
    pmid: z.string().regex(/^\d{5,9}$/, 'a PMID is 5-9 digits').optional(),
    url: z.string().url().startsWith('https://', 'source URLs must be https').optional(),
    type: z.enum(['trial', 'observational', 'review', 'guidance', 'label', 'other']),
    /** What the source states (with the numbers a card uses) and when it was read; checked by content:check. */
    note: z.string().optional(),
  })
  .refine((s) => s.doi || s.pmid || s.url, 'each source needs a doi, pmid or url');

/** Text fields a translation may override. */
const CardText = z.object({
  title: z.string().min(3),
  summary: z.string().min(20),
  keyPoints: z.array(z.string().min(5)).min(1),
  whatYouCanDo: z.array(z.string().min(5)).min(1),
  professional: z.string().min(20),
});

export const EvidenceCard = CardText.extend({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are kebab-case'),
  lang: z.literal('en'),
  topics: z.array(TopicId).min(1),
  claims: z.array(z.string()),
  /** Lexicon phrases that mean a page is about this card's subject ("suboxone" for the MOUD card). */
  match: z.array(z.string().min(2)).default([]),
  sources: z.array(Source).min(1),
  /** Source ids behind each sentence group: the summary, each key point, each action (content:check). */
  cites: z
    .object({ summary: z.array(z.string()), keyPoints: z.array(z.array(z.string())), whatYouCanDo: z.array(z.array(z.string())) })
    .optional(),
  strength: z.enum(['trials', 'observational', 'guidance', 'mixed', 'unknown']),
  reviewedAt: isoDate,
  translations: z.object({ es: CardText.partial() }).partial().optional(),
})
  .refine((c) => c.sources.some((s) => s.type !== 'other'), 'each card needs at least one primary study, review, label or official guidance')
  .refine(
    ({ translations, keyPoints, whatYouCanDo }) =>
      !translations?.es ||
      ((!translations.es.keyPoints || translations.es.keyPoints.length === keyPoints.length) &&
        (!translations.es.whatYouCanDo || translations.es.whatYouCanDo.length === whatYouCanDo.length)),
    'a translation must keep every key point and step (same number as the English)',
  );
export type EvidenceCard = z.infer<typeof EvidenceCard>;
