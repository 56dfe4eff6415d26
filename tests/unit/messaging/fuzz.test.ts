import { runRead } from '../../../src/data/reads';
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createMessageHandler, type BackgroundDeps, type Sender } from '../../../src/background/handlers';
import { ROUTES } from '../../../src/background/routes';
import { createSnippetService } from '../../../src/background/snippets';
import { TabAnalyses } from '../../../src/background/tab-analyses';
import { SecondChanceDB } from '../../../src/data/db/database';
import { seedReferenceData } from '../../../src/data/db/seed';
import { wipeUserData } from '../../../src/data/db/wipe';
import { parseMessage, payloads, type MessageType, type ToolCommand } from '../../../src/messaging/protocol';
import { addSnippet } from '../../../src/data/snippets/repository';
import { getSettings, updateSettings } from '../../../src/data/settings';
import { smallDataset } from '../../support/dataset';
import { deepArray, fuzzSeed, prng, randomString, randomValue, type Random } from '../../support/fuzz';

const SEED = fuzzSeed(20261125);
const ORIGIN = 'chrome-extension://abcdefghijklmnop';
const TYPES = Object.keys(payloads) as MessageType[];
/** Only our own pages may send these (the route table says which); the others come from a tab, or either. */
const PRIVILEGED = new Set<MessageType>(TYPES.filter((type) => ROUTES[type].from === 'extension'));

const analysis = {
  url: 'https://example.org/story', title: 'Story', lang: 'en', topics: ['overdose'], scores: { overdose: 12, tough_love: 0, treatment: 0 },
  claims: ['naloxone_enables_use'], phrases: [{ phrase: 'naloxone', topic: 'overdose', count: 2 }], textLength: 100,
};
const VALID: Record<MessageType, unknown> = {
  getPageConfig: { host: 'example.org' },
  pageAnalyzed: analysis,
  openSidebar: { tabId: 7 },
  muteSite: { host: 'example.org' },
  getTabAnalysis: { tabId: 7 },
  saveSelection: { tabId: 7, confirmPrivate: true },
  quickHide: { tabId: 7 },
  wipeAll: { confirm: true },
  highlightMatches: { tabId: 7, on: true },
  showSavedOnPage: { tabId: 7, on: true },
  readData: { request: { query: 'nearby', zip: '80202', type: 'all', limit: 10 } },
  writeSettings: { patch: { zip: '80202' } },
};

const SENDERS: Sender[] = [
  { tab: { id: 7, windowId: 1 }, url: 'https://example.org/story' }, // a web page's content script
  { tab: { id: 9 }, url: `${ORIGIN}/sidepanel.html` }, // our sidebar
  { url: `${ORIGIN}/popup.html` }, // our popup (no tab)
  // Forged or odd senders: lookalike origins, our origin inside a page URL, no URL, a tab-less page.
  { tab: { id: 7 }, url: `${ORIGIN}x/sidepanel.html` },
  { tab: { id: 7 }, url: `${ORIGIN}.evil.example/sidepanel.html` },
  { tab: { id: 7 }, url: `https://evil.example/${ORIGIN}/sidepanel.html` },
  { tab: { id: 7 }, url: ORIGIN },
  { tab: { id: 7 } },
  { url: 'https://example.org/story' },
  {},
  { tab: { id: -1 }, url: 'about:blank' },
  { tab: { id: 7 }, url: 12 as unknown as string },
];
const fromOwnPage = (s: Sender) => typeof s.url === 'string' && s.url.startsWith(`${ORIGIN}/`);

/** A short printable form of a case for failure messages (cycles and depth included). */
function show(value: unknown): string {
  const seen = new WeakSet();
  try {
    const text = JSON.stringify(value, (_k, v) => {
      if (typeof v === 'string' && v.length > 40) return `${v.slice(0, 40)}…`;
      if (v && typeof v === 'object') {
        if (seen.has(v)) return '[cycle]';
        seen.add(v);
      }
      return v;
    });
    return String(text).slice(0, 200);
  } catch {
    return '[unprintable]';
  }
}

/** A valid payload with one thing wrong, or something else entirely. */
function mutate(random: Random, payload: unknown): unknown {
  const copy = structuredClone(payload) as Record<string, unknown>;
  const keys = Object.keys(copy);
  switch (random.int(8)) {
    case 0: return randomValue(random);
    case 1: if (keys.length) copy[random.pick(keys)] = randomValue(random); return copy;
    case 2: if (keys.length) delete copy[random.pick(keys)]; return copy;
    case 3: if (keys.length) copy[random.pick(keys)] = 'x'.repeat(random.pick([101, 5000, 1_000_000])); return copy;
    case 4: if (keys.length) copy[random.pick(keys)] = deepArray(5000); return copy;
    case 5: {
      // Extra fields, including keys that would matter if they reached an object spread.
      const extra = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"tabId":1}');
      return { ...copy, ...extra, [randomString(random, 10)]: randomValue(random) };
    }
    case 6: {
      const cyclic: Record<string, unknown> = { ...copy };
      cyclic[random.pick(keys.length ? keys : ['self'])] = cyclic;
      return cyclic;
    }
    default: return Array.isArray(copy) ? {} : [copy];
  }
}

function randomMessage(random: Random): unknown {
  const type = random.chance(0.9) ? random.pick(TYPES) : random.pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'tabAnalysisChanged', 'x'.repeat(101), randomString(random)]);
  const payload = Object.hasOwn(VALID, type) ? VALID[type as MessageType] : {};
  switch (random.int(5)) {
    case 0: return randomValue(random);
    case 1: return { type, payload: VALID[random.pick(TYPES)] }; // a real payload under another type
    case 2: return { type, payload, extra: randomValue(random) };
    default: return { type, payload: mutate(random, payload) };
  }
}

describe(`message validators under attack (seed ${SEED})`, () => {
  beforeAll(() => console.info(`message fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`));

  it('parseMessage never throws; what it accepts re-validates and carries only schema fields', () => {
    const random = prng(SEED);
    let accepted = 0;
    for (let i = 0; i < 4000; i++) {
      const raw = randomMessage(random);
      let result: ReturnType<typeof parseMessage>;
      try {
        result = parseMessage(raw);
      } catch (error) {
        throw new Error(`seed ${SEED}, case ${i}: parseMessage threw ${String(error)}`);
      }
      if (!result.ok) {
        expect(typeof result.error, `seed ${SEED}, case ${i}`).toBe('string');
        expect(result.error.length, `seed ${SEED}, case ${i}`).toBeLessThan(300);
        continue;
      }
      accepted++;
      const { type, payload } = result.message;
      expect(payloads[type].safeParse(payload).success, `seed ${SEED}, case ${i}`).toBe(true);
      const allowed = Object.keys(payloads[type].shape);
      for (const key of Object.keys(payload)) expect(allowed, `seed ${SEED}, case ${i}: ${type} kept "${key}"`).toContain(key);
      expect(({} as Record<string, unknown>).polluted, `seed ${SEED}, case ${i}`).toBeUndefined();
    }
    expect(accepted).toBeGreaterThan(50); // the generator also produces valid messages, so the accept path is exercised
  });

  it('rejects each type’s payload with one field of every wrong kind', () => {
    const wrongs: unknown[] = [undefined, null, true, -1, 1.5, NaN, 'x', 'x'.repeat(100_000), [], {}, deepArray(1000)];
    for (const type of TYPES) {
      for (const key of Object.keys(payloads[type].shape)) {
        for (const wrong of wrongs) {
          const payload = { ...(VALID[type] as object), [key]: wrong };
          const result = parseMessage({ type, payload });
          const schemaAccepts = payloads[type].safeParse(payload).success; // optional fields may take undefined
          expect(result.ok, `${type}.${key} = ${String(wrong).slice(0, 20)}`).toBe(schemaAccepts);
          if (!result.ok) expect(result.error).toMatch(new RegExp(`^${type}: `));
        }
      }
    }
  });
});

describe(`background handler under attack (seed ${SEED})`, () => {
  let db: SecondChanceDB;
  let deps: BackgroundDeps;
  let tellTool: Mock<(tabId: number, command: ToolCommand) => Promise<unknown>>;

  async function userData(): Promise<string> {
    return JSON.stringify({ snippets: await db.snippets.toArray(), settings: await db.settings.toArray(), liveCache: await db.liveCache.toArray() });
  }
  async function giveUserData() {
    await wipeUserData(db);
    await addSnippet(db, { quote: { exact: 'Kept quote.', prefix: '', suffix: '' }, position: { start: 0, end: 11 }, url: 'https://example.org/kept', title: 'Kept' }, { topics: [], claims: [], cardIds: [] }, 1);
    await updateSettings(db, { zip: '80202', mutedSites: ['muted.example'] });
    await db.liveCache.put({ zip: '80202', fetchedAt: 1, rows: [] });
  }

  beforeAll(async () => {
    db = new SecondChanceDB('message-fuzz');
    await seedReferenceData(db, smallDataset());
    const tabs = new TabAnalyses();
    // The browser boundary (tabs, panels, the page tool) is faked; the database and every rule are real.
    // The fake page tool always has a valid selection, so a forged save that got through would write.
    tellTool = vi.fn(async (_tab: number, command: ToolCommand) =>
      command.type === 'captureSelection'
        ? { quote: { exact: 'Forged save', prefix: '', suffix: '' }, position: { start: 0, end: 11 }, url: 'https://example.org/story', title: 'Story' }
        : { done: true, placed: [], orphaned: [] },
    );
    deps = {
      extensionOrigin: ORIGIN,
      tabs,
      settings: () => getSettings(db),
      updateSettings: (patch) => updateSettings(db, patch),
      setBadge: vi.fn(),
      openPanel: vi.fn(async () => true),
      broadcast: vi.fn(),
      tellTool,
      snippets: createSnippetService({ db: async () => db, tabs, tellTool, snippetsChanged: vi.fn(), tabUrl: async () => 'https://example.org/story', confirmSave: vi.fn(), isPrivate: async () => false }),
      privateMutes: { has: async () => false, add: async () => undefined },
      quickHide: vi.fn(async () => true),
      wipeAll: () => wipeUserData(db),
      readData: ({ query, ...args }) => runRead(db, query, args as never),
    };
    await giveUserData();
  });
  afterAll(async () => db.delete());
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
  });

  it('answers every message; refused ones change nothing in the database or the browser', async () => {
    const random = prng(SEED + 1);
    const handle = createMessageHandler(deps);
    let before = await userData();
    let refused = 0;
    for (let i = 0; i < 600; i++) {
      const raw = random.chance(0.2) ? { type: random.pick([...PRIVILEGED]), payload: VALID[random.pick([...PRIVILEGED])] } : randomMessage(random);
      const sender = random.pick(SENDERS);
      const parsed = parseMessage(raw);
      const type = parsed.ok ? parsed.message.type : undefined;
      const mustRefuse =
        !parsed.ok ||
        (ROUTES[type!].from === 'extension' && !fromOwnPage(sender)) ||
        (ROUTES[type!].from === 'tab' && sender.tab?.id === undefined) ||
        (type === 'openSidebar' && (parsed.message.payload as { tabId?: number }).tabId === undefined && sender.tab?.id === undefined);
      vi.mocked(deps.quickHide).mockClear();
      vi.mocked(deps.openPanel).mockClear();
      tellTool.mockClear();

      let reply;
      try {
        reply = await handle(raw, sender);
      } catch (error) {
        throw new Error(`seed ${SEED}, case ${i}: handle threw ${String(error)}`);
      }
      const label = `seed ${SEED}, case ${i}: ${show(raw)} from ${JSON.stringify(sender)}`;
      expect(typeof reply?.ok, label).toBe('boolean');
      if (mustRefuse) {
        refused++;
        expect(reply, label).toEqual({ ok: false, error: expect.any(String) });
        expect(await userData(), `${label}: user data changed`).toBe(before);
        expect(deps.quickHide, label).not.toHaveBeenCalled();
        expect(deps.openPanel, label).not.toHaveBeenCalled();
        expect(tellTool, label).not.toHaveBeenCalled();
      } else if ((await userData()) !== before) {
        // An accepted message may change data (mute a site, wipe, save): put the reader's data back.
        await giveUserData();
        before = await userData();
      }
    }
    expect(refused).toBeGreaterThan(300);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers with an error, never a throw, for values no real message can hold', async () => {
    const handle = createMessageHandler(deps);
    const before = await userData();
    const hostile = new Proxy({}, { get: () => { throw new Error('trap'); }, has: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); }, getPrototypeOf: () => { throw new Error('trap'); } });
    const badToString = { type: { toString: () => { throw new Error('trap'); } } };
    for (const raw of [hostile, { type: 'wipeAll', payload: hostile }, badToString, { type: 'muteSite', get payload() { throw new Error('trap'); } }]) {
      for (const sender of [SENDERS[1], hostile as Sender]) {
        const reply = await handle(raw, sender);
        expect(reply).toEqual({ ok: false, error: expect.any(String) });
      }
    }
    expect(await userData()).toBe(before);
  });

  it('a valid wipe, save or mute from a web page (a forged privileged message) is refused', async () => {
    const handle = createMessageHandler(deps);
    const before = await userData();
    const page = SENDERS[0];
    for (const type of PRIVILEGED) expect(await handle({ type, payload: VALID[type] }, page), type).toMatchObject({ ok: false });
    expect(await userData()).toBe(before);
    expect(tellTool).not.toHaveBeenCalledWith(7, { type: 'captureSelection' });
  });
});
