/** The bits of the `chrome` global that tests and scripts evaluate inside extension contexts. */
declare const chrome: {
  storage: { session: { get(keys: string | null): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};
