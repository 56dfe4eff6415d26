import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createMessageHandler, type BackgroundDeps } from '../../../src/background/handlers';
import { TabAnalyses } from '../../../src/background/tab-analyses';
import { SecondChanceDB } from '../../../src/data/db/database';
import { createDatabaseOpener } from '../../../src/data/db/open';
import { getSettings, settingsOrPaused, updateSettings } from '../../../src/data/settings';

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
