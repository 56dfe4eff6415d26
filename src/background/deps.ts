import type { Broadcast, PageAnalysis, Payload, SaveOutcome, ToolCommand } from '../messaging/protocol';
import type { Settings } from '../data/settings';
import type { TabAnalyses } from './tab-analyses';

export interface Sender {
  tab?: { id?: number; windowId?: number; incognito?: boolean; url?: string };
  /** Set by the browser: the sending frame's URL (for a content script, the page). */
  url?: string;
}

/**
 * Send a call to the page tool in a tab (loading it first); rejects when the tab cannot have one.
 * ToolCalls declares the reply, but it is computed in the page's realm: it stays `unknown` until
 * checked (zod for a capture, `fieldOf(reply, 'done') === true`, only ids that were asked about).
 */
export type TellTool = (tabId: number, command: ToolCommand) => Promise<unknown>;

export interface BackgroundDeps {
  extensionOrigin: string;
  tabs: TabAnalyses;
  settings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  setBadge(tabId: number, analysis: PageAnalysis | null): void;
  /** Must be called synchronously inside the message event: browsers require a user gesture. */
  openPanel(tabId: number, windowId?: number): Promise<boolean>;
  broadcast(message: Broadcast): void;
  snippets: {
    saveSelection(tabId: number, confirmPrivate?: boolean, expectedText?: string): Promise<SaveOutcome>;
    /** Draw (or remove) the tab's saved quotes on its page: only on the reader's request. */
    showSaved(tabId: number, on: boolean): Promise<{ shown: number; missing: number }>;
  };
  /** Sites muted from a private window: kept only until the last private window closes, and only applied there. */
  privateMutes: { has(host: string): Promise<boolean>; add(host: string): Promise<void> };
  /** Remove every trace of the extension from a tab (notice, marks, badge, panel). */
  quickHide(tabId: number): Promise<boolean>;
  /** Delete the reader's data: snippets, settings, per-tab state. */
  wipeAll(): Promise<void>;
  /** Send a command to the page tool in a tab (loading it first); rejects when the tab has none. */
  tellTool: TellTool;
  /** Run one of the sidebar's named reads on the extension's database (for the docked sidebar, which reads through here). */
  readData(request: Payload<'readData'>['request']): Promise<unknown>;
}
