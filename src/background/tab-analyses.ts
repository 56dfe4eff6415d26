import type { PageAnalysis } from '../messaging/protocol';

interface SessionArea {
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string | string[]): Promise<void>;
}

/**
 * Per-tab analyses. Kept in memory and mirrored to session storage (cleared when the browser
 * closes; never written to disk by us) so a restarted service worker still knows them.
 */
export class TabAnalyses {
  private readonly memory = new Map<number, PageAnalysis>();
  /** Saved quotes the page tool could not place on the tab's page, by snippet id. */
  private readonly orphans = new Map<number, number[]>();
  constructor(private readonly session?: SessionArea) {}

  async get(tabId: number): Promise<PageAnalysis | null> {
    const known = this.memory.get(tabId);
    if (known || !this.session) return known ?? null;
    const key = this.key(tabId);
    const items: Record<string, unknown> = await this.session.get(key).catch(() => ({}));
    const stored = items[key] as PageAnalysis | undefined;
    if (stored) this.memory.set(tabId, stored);
    return stored ?? null;
  }

  async set(tabId: number, analysis: PageAnalysis): Promise<void> {
    this.memory.set(tabId, analysis);
    await this.session?.set({ [this.key(tabId)]: analysis }).catch(() => undefined);
  }

  orphansOf(tabId: number): number[] {
    return this.orphans.get(tabId) ?? [];
  }

  setOrphans(tabId: number, ids: number[]): void {
    this.orphans.set(tabId, ids);
  }

  async delete(tabId: number): Promise<void> {
    this.memory.delete(tabId);
    this.orphans.delete(tabId);
    await this.session?.remove(this.key(tabId)).catch(() => undefined);
  }

  /** Forget every tab (Delete all my data). */
  async clear(): Promise<void> {
    const keys = [...this.memory.keys()].map((id) => this.key(id));
    this.memory.clear();
    this.orphans.clear();
    await this.session?.remove(keys).catch(() => undefined);
    const all: Record<string, unknown> = (await this.session?.get(null).catch(() => ({}))) ?? {};
    await this.session?.remove(Object.keys(all).filter((k) => k.startsWith('tab:'))).catch(() => undefined);
  }

  private key(tabId: number) {
    return `tab:${tabId}`;
  }
}
