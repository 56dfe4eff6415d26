/** The bits of the `chrome` global that tests and scripts evaluate inside extension contexts. */
declare const chrome: {
  storage: { session: { get(keys: string | null): Promise<Record<string, unknown>> } };
  permissions: { contains(permissions: { origins?: string[] }): Promise<boolean> };
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    getManifest(): { commands?: Record<string, unknown> };
    getContexts(filter: { contextTypes?: string[] }): Promise<{ contextType: string; documentUrl?: string }[]>;
    reload(): void;
  };
  action: { openPopup(): Promise<void>; getBadgeText(details: { tabId?: number }): Promise<string>; getTitle(details: { tabId?: number }): Promise<string> };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string; description?: string }[]> };
  tabs: { query(q: { url?: string }): Promise<{ id?: number; url?: string }[]> };
  scripting: { executeScript(options: unknown): Promise<unknown> };
  sidePanel: { open(options: unknown): Promise<void> };
};
