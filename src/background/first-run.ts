const WELCOMED = 'welcomed';

interface FlagStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * Open the first-run page once: on a new install, never on update or browser start. Chromium
 * reports an unpacked build loaded from the command line as a new install at every start, so a
 * flag in the extension's own storage (removed with the extension) decides, not the reason alone.
 */
export async function welcomeOnce(reason: string, { storage, open }: { storage: FlagStorage; open: () => Promise<unknown> }): Promise<boolean> {
  if (reason !== 'install') return false;
  if ((await storage.get(WELCOMED))[WELCOMED]) return false;
  await storage.set({ [WELCOMED]: true });
  await open();
  return true;
}
