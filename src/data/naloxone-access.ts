import { z } from 'zod';

const Text = z.string().min(3).max(300);
const Url = z.string().url().startsWith('https://');
const Sourced = z.object({ en: Text, es: Text, sources: z.array(z.string()).min(1) });

/** content-data/naloxone-access.json: where to get naloxone (US), each fact sourced, EN and ES. */
export const NaloxoneAccessFile = z
  .object({
    reviewedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    pharmacy: Sourced,
    cost: Sourced,
    ask: z.object({ en: z.array(Text).min(1), es: z.array(Text).min(1), sources: z.array(z.string()).min(1) }),
    mail: Sourced.extend({ name: z.string(), url: Url }),
    programs: z.array(z.object({ state: z.string().regex(/^[A-Z]{2}$/), url: Url, en: Text, es: Text, checked: z.string().min(20) })),
    sources: z.record(z.string(), z.object({ citation: z.string().min(10), url: Url, note: z.string().optional() })),
  })
  .refine((file) => file.ask.en.length === file.ask.es.length, 'ask: English and Spanish need the same number of lines')
  .refine(
    (file) => [file.pharmacy, file.cost, file.ask, file.mail].flatMap((x) => x.sources).every((id) => id in file.sources),
    'every cited source id must be listed in sources',
  );
export type NaloxoneAccess = z.infer<typeof NaloxoneAccessFile>;
