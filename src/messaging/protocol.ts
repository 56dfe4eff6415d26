/**
 * Every channel between the extension's realms, each a call map with a doc line and a declared
 * reply. To the background: a zod payload schema per message (it validates everything it gets),
 * and `Results`; who may send each is the route table in src/background/routes.ts. From the
 * background to a tab's content script (`TabCalls`), to the page tool (`ToolCalls`), to extension
 * pages (`Broadcasts`). The content script imports only the types, so zod stays out of its bundle.
 */
import { z } from 'zod';
import { isWebUrl } from '../shared/snippets/url';
import type { Call, ReplyTo } from '../shared/calls';
import type { SnippetCapture } from '../data/snippets/schema';
import { TOPICS } from '../shared/detect/types';

const TopicId = z.enum(TOPICS);
const host = z.string().min(1).max(253);
/** Only web pages: javascript:, data:, file:, chrome: and the like are never stored or linked. */
const WebUrl = z.string().max(4096).url().refine(isWebUrl, 'only http(s) URLs');

/** What the content script found on a page. Only derived facts, never the page's text. */
export const PageAnalysis = z.object({
  /** Replaced in the background by the URL the browser reports for the sender (the page cannot choose it). */
  url: WebUrl,
  /** The page's rel=canonical link: kept only when it is on the same site as the page (checked in the background). */
  canonicalUrl: WebUrl.optional().catch(undefined),
  title: z.string().max(500),
  lang: z.enum(['en', 'es', 'other']),
  topics: z.array(TopicId).max(3),
  scores: z.record(TopicId, z.number()),
  claims: z.array(z.string().regex(/^[a-z_]+$/)).max(20),
  /** Matched phrases (lexicon phrase, not page text) with how often they matched. */
  phrases: z.array(z.object({ phrase: z.string().max(80), topic: TopicId.optional(), claim: z.string().optional(), count: z.number().int().positive() })).max(200),
  textLength: z.number().int().nonnegative(),
});
export type PageAnalysis = z.infer<typeof PageAnalysis>;

export const payloads = {
  /** content -> background: may this page be read? (false when paused or the site is muted) */
  getPageConfig: z.object({ host }),
  /** content -> background: the page's analysis; the reply says whether to show the notice. */
  pageAnalyzed: PageAnalysis,
  /** content/popup -> background: open the sidebar for the sender's (or the given) tab. */
  openSidebar: z.object({ tabId: z.number().int().optional() }),
  /** content -> background: stop reading pages on this site. */
  muteSite: z.object({ host }),
  /** extension page -> background: the analysis of a tab, if any. */
  getTabAnalysis: z.object({ tabId: z.number().int() }),
  /** extension page -> background: save the selection in that tab as a snippet. */
  saveSelection: z.object({ tabId: z.number().int(), confirmPrivate: z.boolean().optional() }),
  /** extension page -> background: remove every trace of the extension from a tab (quick-hide). */
  quickHide: z.object({ tabId: z.number().int() }),
  /** extension page -> background: delete snippets, settings and per-tab state ("Delete all my data"). */
  wipeAll: z.object({ confirm: z.literal(true) }),
  /** extension page -> background -> page tool: draw (or remove) the reader's saved quotes on that tab's page, on their request. */
  showSavedOnPage: z.object({ tabId: z.number().int(), on: z.boolean() }),
  /** extension page -> background -> that tab's content script: mark (or unmark) the matched phrases. */
  highlightMatches: z.object({ tabId: z.number().int(), on: z.boolean() }),
  /**
   * docked sidebar -> background: one of the sidebar's named reads (src/data/reads.ts), run on the
   * background's database, for a frame the browser refuses IndexedDB (third-party storage blocked).
   */
  readData: z.object({ request: z.discriminatedUnion('query', [
    z.object({ query: z.literal('settings') }),
    z.object({ query: z.literal('helplines') }),
    z.object({ query: z.literal('cards') }),
    z.object({ query: z.literal('nearby'), zip: z.string().regex(/^\d{5}$/).nullable(), type: z.enum(['all', 'buprenorphine', 'methadone', 'naltrexone']), limit: z.number().int().min(1).max(50) }),
    z.object({ query: z.literal('zipPoint'), zip: z.string().regex(/^\d{5}$/) }),
    z.object({ query: z.literal('nearestZip'), lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }),
    z.object({ query: z.literal('pageSnippets'), url: z.string().max(4096), canonicalUrl: z.string().max(4096).optional() }),
  ]) }),
  /** docked sidebar -> background: change settings (validated by the background, which owns the schema). */
  writeSettings: z.object({ patch: z.record(z.string().max(40), z.unknown()) }),
} as const;

export interface Results {
  getPageConfig: { enabled: boolean };
  pageAnalyzed: { showNotice: boolean };
  /** 'fallback': the browser refused its panel; dock the sidebar in the page, about this tab (a frame in a page cannot ask which tab it is in). */
  openSidebar: { opened: 'panel' } | { opened: 'fallback'; tabId: number };
  muteSite: { muted: true };
  getTabAnalysis: { analysis: PageAnalysis | null; orphaned: number[] };
  highlightMatches: { done: boolean };
  showSavedOnPage: { shown: number; missing: number };
  saveSelection: SaveOutcome;
  quickHide: { hidden: boolean };
  wipeAll: { wiped: true };
  /** The read's result (typed by the caller from src/data/reads.ts). */
  readData: { data: unknown };
  writeSettings: { settings: unknown };
}

/** 'storage-full': the browser's storage quota ran out; the selection stays on the page to copy or retry. */
export type SaveOutcome = { saved: true; id: number } | { saved: false; reason: 'no-selection' | 'unavailable' | 'storage-full' | 'invalid' | 'private' };

/** A saved quote as the page tool needs it to find and mark the text again. */
export interface SnippetAnchor {
  id: number;
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
}

/** Background -> a tab's content script (the page realm cannot send these). */
export type TabCalls = {
  /** Quick-hide: remove every trace of the extension from the page and report nothing until it reloads. */
  hideAll: { payload: object; reply: { done: boolean } };
};
export type TabCommand = Call<TabCalls>;

/** Background -> the page tool, injected only when the reader acts on a page (saves a quote, shows saved quotes or matched phrases). */
export type ToolCalls = {
  /** Mark (or unmark) the phrases the detector matched; done is false when none were found. */
  highlight: { payload: { on: boolean }; reply: { done: boolean } };
  /** The current selection, described so it can be found again (validated by the background: it comes from the page realm). */
  captureSelection: { payload: object; reply: SnippetCapture | { error: 'no-selection' } };
  /** Draw the page's saved quotes (on the reader's request); report which could not be found. Answers after yielding to the page. */
  showSnippets: { payload: { items: SnippetAnchor[] }; reply: Promise<{ placed: number[]; orphaned: number[] }> };
  /** Remove the drawn quotes. */
  hideSnippets: { payload: object; reply: { done: boolean } };
};
export type ToolCommand<K extends keyof ToolCalls = keyof ToolCalls> = Call<ToolCalls, K>;
export type ToolReply<K extends keyof ToolCalls> = ReplyTo<ToolCalls, K>;

export type MessageType = keyof typeof payloads;
export type Payload<T extends MessageType> = z.infer<(typeof payloads)[T]>;
export type Message = { [K in MessageType]: { type: K; payload: Payload<K> } }[MessageType];
export type Result<T extends MessageType> = { ok: true; data: Results[T] } | { ok: false; error: string };

/** Background -> extension pages, pushed to whichever are open (no reply). */
export type Broadcasts = {
  /** A tab's analysis changed (read again, muted, hidden): a sidebar showing that tab reloads it. */
  tabAnalysisChanged: { payload: { tabId: number }; reply: void };
  /** Snippets were saved, deleted or found on a page. */
  snippetsChanged: { payload: object; reply: void };
  /** Settings were changed through the background (a docked sidebar's writeSettings). */
  settingsChanged: { payload: object; reply: void };
};
export type Broadcast = Call<Broadcasts>;

const Envelope = z.object({ type: z.string().max(100), payload: z.unknown().optional() });

/** Validate an incoming message; the error names what was wrong, for the log. */
export function parseMessage(raw: unknown): { ok: true; message: Message } | { ok: false; error: string } {
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) return { ok: false, error: 'not a Second Chance message' };
  const { type, payload } = envelope.data;
  if (!Object.hasOwn(payloads, type)) return { ok: false, error: `unknown message type "${type.slice(0, 40)}"` };
  const parsed = payloads[type as MessageType].safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${type}: ${issue.path.join('.') || 'payload'}: ${issue.message}` };
  }
  return { ok: true, message: { type, payload: parsed.data } as Message };
}
