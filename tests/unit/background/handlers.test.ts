import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMessageHandler, type BackgroundDeps } from '../../../src/background/handlers';
import { ROUTES } from '../../../src/background/routes';
import { TabAnalyses } from '../../../src/background/tab-analyses';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/data/settings';

const ORIGIN = 'chrome-extension://abcdef';
const page = { tab: { id: 7, windowId: 1 }, url: 'https://example.org/story' };
const ownPage = { tab: { id: 9 }, url: `${ORIGIN}/sidepanel.html` };
const analysis = {
  url: 'https://example.org/story',
  title: 'Story',
  lang: 'en',
  topics: ['overdose'],
  scores: { overdose: 12, tough_love: 0, treatment: 0 },
  claims: [],
  phrases: [],
  textLength: 100,
};

function setup(settings: Partial<Settings> = {}) {
  const privateMuted = new Set<string>();
  let current: Settings = { ...DEFAULT_SETTINGS, ...settings };
  const deps: BackgroundDeps = {
    extensionOrigin: ORIGIN,
    tabs: new TabAnalyses(),
    settings: async () => current,
    updateSettings: async (patch) => (current = { ...current, ...patch }),
    setBadge: vi.fn(),
    openPanel: vi.fn(async () => true),
    broadcast: vi.fn(),
    tellTool: vi.fn(async () => ({ done: true })),
    snippets: { saveSelection: vi.fn(async () => ({ saved: true as const, id: 1 })), showSaved: vi.fn(async () => ({ shown: 0, missing: 0 })) },
    privateMutes: { has: async (host) => privateMuted.has(host), add: async (host) => void privateMuted.add(host) },
    quickHide: vi.fn(async () => true),
    wipeAll: vi.fn(async () => undefined),
    readData: vi.fn(async () => ({ read: true })),
  };
  return { deps, handle: createMessageHandler(deps), settings: () => current, privateMuted };
}

afterEach(() => vi.restoreAllMocks());

describe('background message handler', () => {
  it('stores a valid analysis, sets the badge and asks for the notice', async () => {
    const { deps, handle } = setup();
    const reply = await handle({ type: 'pageAnalyzed', payload: analysis }, page);
    expect(reply).toEqual({ ok: true, data: { showNotice: true } });
    expect(await deps.tabs.get(7)).toMatchObject({ topics: ['overdose'] });
    expect(deps.setBadge).toHaveBeenCalledWith(7, expect.objectContaining({ topics: ['overdose'] }));
  });

  it('rejects an invalid payload with a logged reason and no effect', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { deps, handle } = setup();
    const reply = await handle({ type: 'pageAnalyzed', payload: { ...analysis, topics: 'overdose' } }, page);
    expect(reply.ok).toBe(false);
    expect(warn).toHaveBeenCalledWith('[second-chance] rejected message:', expect.stringContaining('topics'));
    expect(await deps.tabs.get(7)).toBeNull();
    expect(deps.setBadge).not.toHaveBeenCalled();
  });

  it('does not let a web page read another tab’s analysis', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { handle } = setup();
    await handle({ type: 'pageAnalyzed', payload: analysis }, page);
    const fromPage = await handle({ type: 'getTabAnalysis', payload: { tabId: 7 } }, page);
    expect(fromPage.ok).toBe(false);
    const fromOwn = await handle({ type: 'getTabAnalysis', payload: { tabId: 7 } }, ownPage);
    expect(fromOwn).toMatchObject({ ok: true, data: { analysis: { title: 'Story' } } });
  });

  it('keeps pages on muted sites and while paused unread', async () => {
    const muted = setup({ mutedSites: ['example.org'] });
    expect(await muted.handle({ type: 'getPageConfig', payload: { host: 'example.org' } }, page)).toEqual({ ok: true, data: { enabled: false } });
    expect(await muted.handle({ type: 'getPageConfig', payload: { host: 'other.org' } }, page)).toEqual({ ok: true, data: { enabled: true } });
    const paused = setup({ paused: true });
    expect(await paused.handle({ type: 'getPageConfig', payload: { host: 'other.org' } }, page)).toEqual({ ok: true, data: { enabled: false } });
  });

  it('F2/F8: takes the page URL from the browser (sender), keeps a canonical link only on the same site, and never looks up saved quotes on its own', async () => {
    const { deps, handle } = setup();
    await handle({ type: 'pageAnalyzed', payload: { ...analysis, url: 'https://news.example.org/story', canonicalUrl: 'https://news.example.org/story' } }, { tab: { id: 7 }, url: 'https://attacker.example/copy' });
    const stored = await deps.tabs.get(7);
    expect(stored?.url).toBe('https://attacker.example/copy');
    expect(stored?.canonicalUrl).toBeUndefined();
    await handle({ type: 'pageAnalyzed', payload: { ...analysis, canonicalUrl: 'https://example.org/story-canonical' } }, page);
    expect((await deps.tabs.get(7))?.canonicalUrl).toBe('https://example.org/story-canonical');
    expect(deps.snippets.showSaved).not.toHaveBeenCalled();
    expect(deps.tellTool).not.toHaveBeenCalled();
  });

  it('F4: a mute pressed in a private window is kept only for private windows and never written to settings', async () => {
    const { handle, settings, privateMuted } = setup();
    const privatePage = { tab: { id: 8, incognito: true }, url: 'https://example.org/story' };
    await handle({ type: 'muteSite', payload: { host: 'example.org' } }, privatePage);
    expect(settings().mutedSites).toEqual([]);
    expect([...privateMuted]).toEqual(['example.org']);
    expect(await handle({ type: 'getPageConfig', payload: { host: 'example.org' } }, privatePage)).toEqual({ ok: true, data: { enabled: false } });
    // A normal window cannot read the private bit back.
    expect(await handle({ type: 'getPageConfig', payload: { host: 'example.org' } }, page)).toEqual({ ok: true, data: { enabled: true } });
  });

  it('mutes a site from the notice and forgets that tab', async () => {
    const { deps, handle, settings } = setup();
    await handle({ type: 'pageAnalyzed', payload: analysis }, page);
    await handle({ type: 'muteSite', payload: { host: 'example.org' } }, page);
    expect(settings().mutedSites).toEqual(['example.org']);
    expect(await deps.tabs.get(7)).toBeNull();
  });

  it('runs the docked sidebar’s reads and settings writes for our own pages only, and tells open pages about the change', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { deps, handle, settings } = setup();
    const request = { query: 'helplines' as const };
    expect(await handle({ type: 'readData', payload: { request } }, ownPage)).toEqual({ ok: true, data: { data: { read: true } } });
    expect(deps.readData).toHaveBeenCalledWith(request);
    expect(await handle({ type: 'readData', payload: { request } }, page)).toMatchObject({ ok: false });
    expect(await handle({ type: 'writeSettings', payload: { patch: { zip: '80202' } } }, page)).toMatchObject({ ok: false });
    expect(settings().zip).toBeNull();
    expect(await handle({ type: 'writeSettings', payload: { patch: { zip: '80202' } } }, ownPage)).toMatchObject({ ok: true });
    expect(settings().zip).toBe('80202');
    expect(deps.broadcast).toHaveBeenCalledWith({ type: 'settingsChanged' });
  });

  it('opens the panel for the sender’s tab, or reports the fallback with the tab to dock for', async () => {
    const { deps, handle } = setup();
    expect(await handle({ type: 'openSidebar', payload: {} }, page)).toEqual({ ok: true, data: { opened: 'panel' } });
    expect(deps.openPanel).toHaveBeenCalledWith(7, 1);
    vi.mocked(deps.openPanel).mockResolvedValueOnce(false);
    // The docked sidebar is a frame inside the page, which has no `tabs` API: it needs its tab id from here.
    expect(await handle({ type: 'openSidebar', payload: {} }, page)).toEqual({ ok: true, data: { opened: 'fallback', tabId: 7 } });
  });

  it('relays "show on page" from the sidebar to the tab, and refuses it from a page', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { deps, handle } = setup();
    expect(await handle({ type: 'highlightMatches', payload: { tabId: 7, on: true } }, ownPage)).toEqual({ ok: true, data: { done: true } });
    expect(deps.tellTool).toHaveBeenCalledWith(7, { type: 'highlight', on: true });
    expect((await handle({ type: 'highlightMatches', payload: { tabId: 7, on: true } }, page)).ok).toBe(false);
    vi.mocked(deps.tellTool).mockRejectedValueOnce(new Error('no receiver'));
    expect(await handle({ type: 'highlightMatches', payload: { tabId: 8, on: true } }, ownPage)).toEqual({ ok: true, data: { done: false } });
  });

  it('lets only extension pages hide, wipe or save; a page realm forging them gets nothing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { deps, handle } = setup();
    for (const message of [
      { type: 'quickHide', payload: { tabId: 7 } },
      { type: 'wipeAll', payload: { confirm: true } },
      { type: 'saveSelection', payload: { tabId: 7 } },
    ]) {
      expect((await handle(message, page)).ok).toBe(false);
    }
    expect(deps.quickHide).not.toHaveBeenCalled();
    expect(deps.wipeAll).not.toHaveBeenCalled();
    expect(deps.snippets.saveSelection).not.toHaveBeenCalled();
    expect((await handle({ type: 'wipeAll', payload: {} }, ownPage)).ok).toBe(false); // needs an explicit confirm
    expect(await handle({ type: 'wipeAll', payload: { confirm: true } }, ownPage)).toEqual({ ok: true, data: { wiped: true } });
    expect(await handle({ type: 'quickHide', payload: { tabId: 7 } }, ownPage)).toEqual({ ok: true, data: { hidden: true } });
  });

  it('a web page can send only the short, reviewed list of tab messages (the route table)', () => {
    const fromPages = Object.entries(ROUTES).filter(([, route]) => route.from !== 'extension').map(([type, route]) => `${type}:${route.from}`);
    expect(fromPages.sort()).toEqual(['getPageConfig:tab', 'muteSite:tab', 'openSidebar:any', 'pageAnalyzed:tab']);
  });
});
