/**
 * Schemas for the offline local-resources files written by scripts/data-build.ts:
 * content-data/resources/resources.json and content-data/resources/state-laws.json.
 */
import { z } from 'zod';
import { cellKey } from '../../shared/geo/nearest';

/** The 50 states, DC and Puerto Rico: the area the facility layers and ZIP points cover. */
export const US_STATE_CODES = [
  'AK', 'AL', 'AR', 'AZ', 'CA', 'CO', 'CT', 'DC', 'DE', 'FL', 'GA', 'HI', 'IA', 'ID', 'IL', 'IN', 'KS', 'KY',
  'LA', 'MA', 'MD', 'ME', 'MI', 'MN', 'MO', 'MS', 'MT', 'NC', 'ND', 'NE', 'NH', 'NJ', 'NM', 'NV', 'NY', 'OH',
  'OK', 'OR', 'PA', 'PR', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VA', 'VT', 'WA', 'WI', 'WV', 'WY',
] as const;
export const StateCode = z.enum(US_STATE_CODES);
export type StateCode = z.infer<typeof StateCode>;

/** [south, north, west, east] in degrees. */
type Box = readonly [number, number, number, number];
/** Generous bounding boxes: contiguous US, Alaska (both sides of the antimeridian), Hawaii, Puerto Rico. */
export const US_BOXES: Record<'conus' | 'ak' | 'akWest' | 'hi' | 'pr', Box> = {
  conus: [24.3, 49.5, -125.0, -66.8],
  ak: [51.0, 71.6, -180.0, -129.9],
  akWest: [51.0, 53.5, 172.0, 180.0],
  hi: [18.8, 22.4, -160.6, -154.7],
  pr: [17.8, 18.6, -68.0, -65.2],
};
/** Territories with ZIP points but no facility rows: US Virgin Islands, Guam + Northern Mariana Islands, American Samoa. */
export const US_TERRITORY_BOXES: Record<'vi' | 'guMp' | 'as', Box> = {
  vi: [17.6, 18.5, -65.2, -64.5],
  guMp: [13.2, 20.6, 144.6, 146.1],
  as: [-14.6, -11.0, -171.2, -168.1],
};
const inBox = (lat: number, lon: number, [s, n, w, e]: Box) => lat >= s && lat <= n && lon >= w && lon <= e;

/** Which US box a state's coordinates must fall in. */
export function boxesForState(state: string): Box[] {
  if (state === 'AK') return [US_BOXES.ak, US_BOXES.akWest];
  if (state === 'HI') return [US_BOXES.hi];
  if (state === 'PR') return [US_BOXES.pr];
  return [US_BOXES.conus];
}
export function inUsBoxes(lat: number, lon: number, state?: string): boolean {
  const boxes = state ? boxesForState(state) : Object.values(US_BOXES);
  return boxes.some((b) => inBox(lat, lon, b));
}
/** Inside the US boxes or a territory's (for ZIP points). */
export function inUsOrTerritoryBoxes(lat: number, lon: number): boolean {
  return inUsBoxes(lat, lon) || Object.values(US_TERRITORY_BOXES).some((b) => inBox(lat, lon, b));
}

export const MEDICATIONS = ['buprenorphine', 'methadone', 'naltrexone'] as const;
export const Medication = z.enum(MEDICATIONS);
export type Medication = z.infer<typeof Medication>;

/** Dataset ids used in `source` (see the `sources` list in resources.json). */
export const RESOURCE_SOURCES = ['sut-2021', 'moud-2020', 'otp-2019'] as const;
export const ResourceSourceId = z.enum(RESOURCE_SOURCES);
export type ResourceSourceId = z.infer<typeof ResourceSourceId>;

const fiveDecimals = (n: number) => Math.abs(Math.round(n * 1e5) / 1e5 - n) < 1e-9;

/**
 * One place to get help. `source` is the dataset the name, address and coordinates come from;
 * medications come from the MOUD rows joined to it, and kind "otp" (with methadone) from the OTP
 * directory. `address` is empty when the source had only a placeholder street.
 */
export const ResourceRow = z
  .object({
    id: z.string().regex(/^[a-z0-9]{4,16}$/, 'a short lowercase id'),
    kind: z.enum(['facility', 'otp']),
    name: z.string().min(2).max(160),
    address: z.string().max(160),
    city: z.string().min(1).max(60),
    state: StateCode,
    zip: z.string().regex(/^\d{5}$/, 'a 5-digit ZIP'),
    lat: z.number().min(-90).max(90).refine(fiveDecimals, 'at most 5 decimals'),
    lon: z.number().min(-180).max(180).refine(fiveDecimals, 'at most 5 decimals'),
    cell: z.string().regex(/^-?\d+:-?\d+$/, 'a grid cell key'),
    medications: z.array(Medication),
    source: ResourceSourceId,
  })
  .superRefine((row, ctx) => {
    if (!inUsBoxes(row.lat, row.lon, row.state)) {
      ctx.addIssue({
        code: 'custom',
        path: ['lat'],
        message: `${row.lat},${row.lon} is outside the bounding box for ${row.state}`,
      });
    }
    if (row.cell !== cellKey(row.lat, row.lon)) {
      ctx.addIssue({ code: 'custom', path: ['cell'], message: `expected ${cellKey(row.lat, row.lon)}` });
    }
    if (new Set(row.medications).size !== row.medications.length) {
      ctx.addIssue({ code: 'custom', path: ['medications'], message: 'duplicate medication' });
    }
    if (row.kind === 'otp' && !row.medications.includes('methadone')) {
      ctx.addIssue({ code: 'custom', path: ['medications'], message: 'an OTP must list methadone' });
    }
  });
export type ResourceRow = z.infer<typeof ResourceRow>;

export const ResourceSource = z.object({
  id: ResourceSourceId,
  name: z.string(),
  dataDate: z.string(),
  rows: z.number().int().nonnegative(),
});
export type ResourceSource = z.infer<typeof ResourceSource>;

export const ResourcesFile = z.object({
  _about: z.string(),
  dataDate: z.string(),
  sources: z.array(ResourceSource).optional(),
  rows: z.array(ResourceRow),
});
export type ResourcesFile = z.infer<typeof ResourcesFile>;

/** ISO date (YYYY-MM-DD). */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

const datedLawShape = { hasLaw: z.boolean(), effective: IsoDate.nullable(), asOf: z.string() };
const hasLawMatches = (l: { hasLaw: boolean; effective: string | null }) => l.hasLaw === (l.effective !== null);
const hasLawMessage = 'hasLaw must match whether there is an effective date';

/** A law with an effective date; `hasLaw` is false when the source has no such law up to `asOf`. */
const DatedLaw = z.object(datedLawShape).refine(hasLawMatches, hasLawMessage);

export const StateLawRow = z.object({
  state: z.string().regex(/^[A-Z]{2}$/),
  name: z.string().min(4),
  /** RAND-USC OPTIC-Vetted data, through 2021. */
  goodSamaritan: z
    .object({ ...datedLawShape, arrestProtection: z.boolean(), arrestProtectionEffective: IsoDate.nullable() })
    .refine(hasLawMatches, hasLawMessage),
  /** RAND-USC OPTIC-Vetted data, through 2022. */
  naloxoneAccess: z
    .object({ ...datedLawShape, pharmacistPrescribing: z.boolean(), pharmacistPrescribingEffective: IsoDate.nullable() })
    .refine(hasLawMatches, hasLawMessage),
  /** Naloxone standing order or protocol order (same source as naloxoneAccess). */
  standingOrder: DatedLaw.optional(),
  /** PDMP must-access mandate (same source table as naloxoneAccess). */
  pdmpMustAccess: DatedLaw.optional(),
  /** LawAtlas syringe-law flags as of Aug 1, 2019 (Fernandez-Vina et al. 2020), copied unchanged. */
  syringeServicesLegal: z
    .object({
      explicitlyAuthorized: z.boolean(),
      noStateParaphernaliaLaw: z.boolean(),
      freeSyringeDistributionNotProhibited: z.boolean(),
      paraphernaliaDefExcludesInjectionObjects: z.boolean(),
      paraphernaliaDefSilentOnInjectionObjects: z.boolean(),
      noLawRemovingSspBarriers: z.boolean(),
      asOf: IsoDate,
    })
    .optional(),
  /** Span of the sections' as-of dates. */
  asOf: z.string(),
});
export type StateLawRow = z.infer<typeof StateLawRow>;

export const StateLawsFile = z.object({
  _about: z.string(),
  dataDate: z.string(),
  sources: z.array(z.string()).optional(),
  states: z.array(StateLawRow).min(1),
});
export type StateLawsFile = z.infer<typeof StateLawsFile>;
