import { z } from 'zod';

export const CountryCode = z.enum(['US', 'CA', 'GB', 'AU', 'IE', 'NZ']);
export type CountryCode = z.infer<typeof CountryCode>;

const HelplineText = z.object({ name: z.string().optional(), hours: z.string().optional(), scope: z.string().optional(), sms: z.string().optional() });
export type HelplineText = z.infer<typeof HelplineText>;

/** One row of content-data/helplines/helplines.json, as compiled (snake_case kept for provenance). */
export const HelplineRecord = z.object({
  country: CountryCode,
  name: z.string().min(2),
  number: z.string().regex(/\d/, 'a phone number').nullable().optional(),
  vanity: z.string().optional(),
  tty: z.string().optional(),
  sms: z.string().optional(),
  hours: z.string().optional(),
  scope: z.string().min(2),
  notes: z.string().optional(),
  official_source: z.string().url(),
  seen_in_stored_copy: z.boolean(),
  evidence_url: z.string().optional(),
  /** Official pages (the service's own, or a government body's) where the number was read. */
  official_evidence: z.array(z.object({ url: z.string().url(), owner: z.enum(['service', 'government']), note: z.string().optional() })).default([]),
  /** Why evidence on another domain still comes from the service itself (e.g. its own code repository). */
  same_owner_reason: z.string().optional(),
  verified_note: z.string().optional(),
  /** Date of the last check (YYYY-MM-DD). */
  checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'),
  /** Spanish wording of the fields the UI shows. */
  es: HelplineText.optional(),
});
export type HelplineRecord = z.infer<typeof HelplineRecord>;

export const HelplinesFile = z.object({ _about: z.string(), entries: z.array(HelplineRecord).min(1) });

/** A helpline as stored in the database and shown in the UI. */
export interface Helpline {
  id: string;
  country: CountryCode;
  name: string;
  number: string;
  /** Digits and + only, for tel: links. */
  dial: string;
  emergency: boolean;
  hours?: string;
  scope: string;
  sms?: string;
  officialSource: string;
  /** Spanish wording of name, hours, scope and SMS, where translated. */
  es?: HelplineText;
  /** False until the number has been checked on its official page; unconfirmed lines are not shown. */
  confirmed: boolean;
}

export const ZipPoint = z.object({
  zip: z.string().regex(/^\d{5}$/, 'a 5-digit ZIP'),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type ZipPoint = z.infer<typeof ZipPoint>;

export const ZipPointsFile = z.object({
  _about: z.string(),
  source: z.string(),
  dataDate: z.string(),
  points: z.array(ZipPoint),
});

export type { ResourceRow, StateLawRow } from './directory-schema';
