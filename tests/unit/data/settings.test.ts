import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createMessageHandler, type BackgroundDeps } from '../../../src/background/handlers';
import { TabAnalyses } from '../../../src/background/tab-analyses';
import { SecondChanceDB } from '../../../src/data/db/database';
import { createDatabaseOpener } from '../../../src/data/db/open';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, getSettings, settingsOrPaused, updateSettings } from '../../../src/data/settings';

const page = { tab: { id: 7 }, url: 'https://example.org/story' };
const names: string[] = [];
afterAll(async () => {
  for (const name of names) await SecondChanceDB.delete(name);
});

/** The background's answer to "may this page be read?" with the given settings source. */
function askFromPage(settings: () => Promise<Awaited<ReturnType<typeof getSettings>>>) {
  const deps = { extensionOrigin: 'chrome-extension://x', tabs: new TabAnalyses(), settings } as unknown as BackgroundDeps;
  return createMessageHandler(deps)({ type: 'getPageConfig', payload: { host: 'example.org' } }, page);
}

describe('settings fail closed', () => {
  it('a database that cannot be opened pauses reading pages instead of ignoring pause and mute', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken = () => Promise.reject(new Error('IndexedDB refused'));
    expect((await settingsOrPaused(broken)).paused).toBe(true);
    expect(await askFromPage(() => settingsOrPaused(broken))).toEqual({ ok: true, data: { enabled: false } });
  });

  it('a damaged settings row pauses too (it may have held a pause or a muted site)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    names.push('settings-damaged');
    const db = new SecondChanceDB('settings-damaged');
    await db.settings.put({ key: 'settings', value: { paused: 'yes', mutedSites: 'example.org' } });
    expect((await getSettings(db)).paused).toBe(true);
    expect(await askFromPage(() => settingsOrPaused(async () => db))).toEqual({ ok: true, data: { enabled: false } });
    db.close();
  });

  it('are read without waiting for the reference data to be seeded', async () => {
    names.push('settings-unseeded');
    const setup = new SecondChanceDB('settings-unseeded');
    await updateSettings(setup, { mutedSites: ['example.org'], zip: '80202' });
    setup.close();
    // Seeding that never finishes (a huge dataset still being fetched on first install).
    const seeding = createDatabaseOpener({ version: async () => 'new', dataset: () => new Promise(() => undefined) }, 'settings-unseeded')();
    const settings = await settingsOrPaused(createDatabaseOpener(undefined, 'settings-unseeded'));
    expect(settings).toMatchObject({ paused: false, mutedSites: ['example.org'], zip: '80202' });
    expect(await askFromPage(async () => settings)).toEqual({ ok: true, data: { enabled: false } });
    expect(await Promise.race([seeding.then(() => 'seeded'), Promise.resolve('still seeding')])).toBe('still seeding');
  });
});

describe('settings are one versioned item', () => {
  const fresh = (name: string) => {
    names.push(name);
    return new SecondChanceDB(name);
  };

  it('a change stores { version, settings }, validated', async () => {
    const db = fresh('settings-item');
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    await updateSettings(db, { zip: '80202', mutedSites: ['example.org'] });
    expect(await db.settings.get('settings')).toEqual({
      key: 'settings',
      value: { version: SETTINGS_VERSION, settings: { ...DEFAULT_SETTINGS, zip: '80202', mutedSites: ['example.org'] } },
    });
    await expect(updateSettings(db, { zip: 'nowhere' })).rejects.toThrow();
    expect((await getSettings(db)).zip).toBe('80202');
    db.close();
  });

  it('migrates version 1 (the settings object itself): same settings when read, stored as version 2 at the next change', async () => {
    const db = fresh('settings-v1');
    const v1 = { country: 'CA', zip: null, paused: true, mutedSites: ['forum.example'], counselorMode: true, textSize: 'large', liveRefresh: false };
    await db.settings.put({ key: 'settings', value: v1 });
    expect(await getSettings(db)).toEqual(v1);
    await updateSettings(db, { textSize: 'larger' });
    expect((await db.settings.get('settings'))?.value).toEqual({ version: 2, settings: { ...v1, textSize: 'larger' } });
    db.close();
  });

  it('an item written by a newer version, or a damaged one, pauses (it may hold a pause this code cannot read)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = fresh('settings-newer');
    await db.settings.put({ key: 'settings', value: { version: SETTINGS_VERSION + 1, settings: { paused: false }, pausedUntil: 'tomorrow' } });
    expect((await getSettings(db)).paused).toBe(true);
    await db.settings.put({ key: 'settings', value: { version: SETTINGS_VERSION, settings: { paused: 'no' } } });
    expect((await getSettings(db)).paused).toBe(true);
    await db.settings.put({ key: 'settings', value: { version: 'two' } });
    expect((await getSettings(db)).paused).toBe(true);
    db.close();
  });
});
