import { chromium, type BrowserContext } from '@playwright/test';
import { resolve } from 'node:path';

export const EXTENSION_PATH = resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium with the built extension loaded and its background networking off (this
 * machine's network is closed, and the network-silence test must see only our own requests).
 * Used by the e2e tests, `npm start` and the bench.
 */
export function launchWithExtension(
  profileDir: string,
  { headless = true, args = [], viewport }: { headless?: boolean; args?: string[]; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless,
    ...(viewport ? { viewport } : {}),
    args: [
      `--disable-extensions-except=${EXTENSION_PATH}`,
      `--load-extension=${EXTENSION_PATH}`,
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--no-default-browser-check',
      ...args,
    ],
  });
}
