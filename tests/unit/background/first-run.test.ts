import { describe, expect, it, vi } from 'vitest';
import { welcomeOnce } from '../../../src/background/first-run';

function fakeStorage() {
  const items: Record<string, unknown> = {};
  return {
    items,
    get: async (key: string) => (key in items ? { [key]: items[key] } : {}),
    set: async (next: Record<string, unknown>) => void Object.assign(items, next),
  };
}

describe('first-run page', () => {
  it('opens on a new install, once', async () => {
    const storage = fakeStorage();
    const open = vi.fn(async () => undefined);
    expect(await welcomeOnce('install', { storage, open })).toBe(true);
    // Chromium reports a command-line build as installed again at every start.
    expect(await welcomeOnce('install', { storage, open })).toBe(false);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('never opens on an update or a browser update', async () => {
    const open = vi.fn(async () => undefined);
    for (const reason of ['update', 'chrome_update', 'shared_module_update', 'browser_update']) {
      expect(await welcomeOnce(reason, { storage: fakeStorage(), open })).toBe(false);
    }
    expect(open).not.toHaveBeenCalled();
  });
});
