import { z } from 'zod';

const Text = z.string().min(3).max(200);
const Source = z.object({ citation: z.string().min(10), url: z.string().url().startsWith('https://'), note: z.string().optional() });

/** content-data/overdose-steps.json: the popup's response steps, each sourced. */
export const OverdoseStepsFile = z
  .object({
    reviewedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    signs: z.object({ en: z.array(Text).min(3), es: z.array(Text).min(3), sources: z.array(z.string()).min(1) }),
    steps: z
      .array(z.object({ id: z.string(), en: Text, es: Text, sources: z.array(z.string()).min(1) }))
      .min(4)
      .refine((steps) => steps[0].id === 'call' && steps[0].en.includes('{emergency}') && steps[0].es.includes('{emergency}'), 'the first step calls the emergency number'),
    sources: z.record(z.string(), Source),
  })
  .refine(
    (file) => [...file.signs.sources, ...file.steps.flatMap((s) => s.sources)].every((id) => id in file.sources),
    'every cited source id must be listed in sources',
  );
export type OverdoseSteps = z.infer<typeof OverdoseStepsFile>;
