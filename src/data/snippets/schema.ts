import { z } from 'zod';
import { NaloxoneKit } from '../naloxone-kits';
import { isWebUrl } from '../../shared/snippets/url';

/** Only web pages: javascript:, data:, file:, chrome: and the like are never stored or linked. */
const WebUrl = z.string().max(4096).url().refine(isWebUrl, 'only http(s) URLs');
import { TOPICS } from '../../shared/detect/types';

const Quote = z.object({ exact: z.string().min(1).max(5000), prefix: z.string().max(32), suffix: z.string().max(32) });
const Position = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).refine((p) => p.end > p.start, 'end must be after start');

/** What the page tool captures from a selection (validated in the background: it comes from the page realm). */
export const SnippetCapture = z.object({
  quote: Quote,
  position: Position,
  canonicalUrl: WebUrl.optional().catch(undefined),
  title: z.string().max(500),
});
export type SnippetCapture = z.infer<typeof SnippetCapture>;

export const Tag = z.string().trim().min(1).max(40);

/** A quote the reader saved on purpose: the only page-derived data Second Chance keeps. */
export const Snippet = z.object({
  id: z.number().int().positive().optional(),
  quote: z.string().min(1).max(5000),
  prefix: z.string().max(32),
  suffix: z.string().max(32),
  position: z.object({ start: z.number().int().nonnegative().max(1e9), end: z.number().int().nonnegative().max(1e9) }),
  url: WebUrl,
  title: z.string().max(500),
  site: z.string().max(253),
  savedAt: z.number().int().positive().max(8.64e15),
  topics: z.array(z.enum(TOPICS)).max(3),
  claims: z.array(z.string().max(80)).max(50),
  cardIds: z.array(z.string().max(120)).max(50),
  note: z.string().max(10_000),
  tags: z.array(Tag).max(30),
});
export type Snippet = z.infer<typeof Snippet>;

/** The export file: versioned, so an import can tell what it reads. */
export const SnippetExport = z.object({
  format: z.literal('second-chance-snippets'),
  version: z.literal(1),
  exportedAt: z.string().max(40),
  /** Far above any real library; a bound so a hostile file cannot exhaust memory. */
  snippets: z.array(Snippet).max(100_000),
  /** The reader's naloxone kits (issue 17), in the same file so one export keeps all their data. */
  naloxoneKits: z.array(NaloxoneKit).max(1000).optional(),
});
export type SnippetExport = z.infer<typeof SnippetExport>;
