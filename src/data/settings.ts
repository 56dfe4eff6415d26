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

/**
 * What to assume when the reader's settings cannot be read: paused. Pause and mute are privacy
 * controls, so a storage failure must not quietly turn reading back on (fail closed).
 */
export const FAIL_CLOSED_SETTINGS: Settings = { ...DEFAULT_SETTINGS, paused: true };

/** Read settings; a damaged row fails closed (logged) rather than breaking every page. */
export async function getSettings(db: SecondChanceDB): Promise<Settings> {
  const row = await db.settings.get(KEY);
  if (!row) return DEFAULT_SETTINGS;
  const parsed = Settings.safeParse(row.value);
  if (parsed.success) return parsed.data;
  console.warn('[second-chance] stored settings were invalid; pausing until they are set again', parsed.error.issues);
  return FAIL_CLOSED_SETTINGS;
}

/** Settings from a database that may fail to open: a failure fails closed, like a damaged row. */
export async function settingsOrPaused(open: () => Promise<SecondChanceDB>): Promise<Settings> {
  try {
    return await getSettings(await open());
  } catch (error) {
    console.warn('[second-chance] could not read settings; pausing', error);
    return FAIL_CLOSED_SETTINGS;
  }
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
