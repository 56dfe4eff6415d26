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

/**
 * The settings are one stored item, `{ version, settings }`. A change of shape bumps the version
 * and adds the step from the previous one to MIGRATIONS; old items are migrated when read and
 * stored in the new shape at the next change.
 */
export const SETTINGS_VERSION = 2;
const SettingsItem = z.object({ version: z.literal(SETTINGS_VERSION), settings: Settings });
export type SettingsItem = z.infer<typeof SettingsItem>;

/** Step from version N to N + 1. Version 1 (until 2026-12) was the settings object itself, without a version. */
const MIGRATIONS: Record<number, (item: unknown) => unknown> = {
  1: (item) => ({ version: 2, settings: item }),
};
const Versioned = z.object({ version: z.number().int().positive() });

/** The stored item, migrated to SETTINGS_VERSION and validated; null when damaged or written by a newer version. */
export function settingsFromItem(item: unknown): Settings | null {
  const tagged = Versioned.safeParse(item);
  // Version 1 had no `version` field; any other `version` that is not a whole number is damage.
  if (!tagged.success && typeof item === 'object' && item !== null && 'version' in item) return null;
  let version = tagged.success ? tagged.data.version : 1;
  if (version > SETTINGS_VERSION) return null;
  let current = item;
  for (; version < SETTINGS_VERSION; version++) current = MIGRATIONS[version](current);
  const parsed = SettingsItem.safeParse(current);
  return parsed.success ? parsed.data.settings : null;
}

export function settingsItem(settings: Settings): SettingsItem {
  return { version: SETTINGS_VERSION, settings };
}

/** Read settings (none stored yet: the defaults); a damaged item fails closed (logged) rather than breaking every page. */
export async function getSettings(db: SecondChanceDB): Promise<Settings> {
  const row = await db.settings.get(KEY);
  if (!row) return DEFAULT_SETTINGS;
  const settings = settingsFromItem(row.value);
  if (settings) return settings;
  console.warn('[second-chance] stored settings were invalid; pausing until they are set again');
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
    await db.settings.put({ key: KEY, value: settingsItem(next) });
    return next;
  });
}

/** Whether the extension should look at pages on this host at all. */
export function isActiveOn(settings: Settings, host: string): boolean {
  return !settings.paused && !settings.mutedSites.includes(host);
}
