/** The bits of the `chrome` global that tests and scripts evaluate inside extension contexts. */
declare const chrome: {
  storage: { session: { get(keys: string | null): Promise<Record<string, unknown>> } };
  permissions: { contains(permissions: { origins?: string[] }): Promise<boolean> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  scripting: { executeScript(options: unknown): Promise<unknown> };
  sidePanel: { open(options: unknown): Promise<void> };
};
