/** The bits of the `chrome` global that tests and scripts evaluate inside the extension's service worker. */
declare const chrome: {
  storage: { session: { get(keys: string | null): Promise<Record<string, unknown>> } };
};
