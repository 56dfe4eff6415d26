import { z } from 'zod';
import { CountryCode } from './resources/schema';
import type { SecondChanceDB } from './db/database';

/** The reader's choices. Stored in the extension's database only; never shown to pages. */
export const Settings = z.object({
  country: CountryCode.default('US'),
  zip: z.string().regex(/^\d{5}$/).nullable().default(null),
  paused: z.boolean().default(false),
  mutedSites: z.array(z.string()).default([]),
  counselorMode: z.boolean().default(false),
  textSize: z.enum(['normal', 'large', 'larger']).default('normal'),
  /** Opt-in: refresh nearby results from FindTreatment.gov (sends the ZIP's centre point to SAMHSA). */
  liveRefresh: z.boolean().default(false),
});
export type Settings = z.infer<typeof Settings>;

const KEY = 'settings';
export const DEFAULT_SETTINGS: Settings = Settings.parse({});

/** Read settings; a damaged row falls back to defaults (logged) rather than breaking every page. */
export async function getSettings(db: SecondChanceDB): Promise<Settings> {
  const row = await db.settings.get(KEY);
  if (!row) return DEFAULT_SETTINGS;
  const parsed = Settings.safeParse(row.value);
  if (parsed.success) return parsed.data;
  console.warn('[second-chance] stored settings were invalid; using defaults', parsed.error.issues);
  return DEFAULT_SETTINGS;
}

/** Merge and validate a change; an invalid change throws and nothing is written. */
export async function updateSettings(db: SecondChanceDB, patch: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = Settings.parse({ ...(await getSettings(db)), ...patch });
    await db.settings.put({ key: KEY, value: next });
    return next;
  });
}

/** Whether the extension should look at pages on this host at all. */
export function isActiveOn(settings: Settings, host: string): boolean {
  return !settings.paused && !settings.mutedSites.includes(host);
}
