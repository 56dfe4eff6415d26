import { chromium, type BrowserContext } from '@playwright/test';
import { resolve } from 'node:path';

export const EXTENSION_PATH = resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium with the built extension loaded and its background networking off (this
 * machine's network is closed, and the network-silence test must see only our own requests).
 * Used by the e2e tests, `npm start` and the bench (which also loads the empty baseline extension).
 */
export function launchWithExtension(
  profileDir: string,
  { headless = true, args = [], viewport, extension = EXTENSION_PATH }: { headless?: boolean; args?: string[]; viewport?: { width: number; height: number }; extension?: string } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless,
    ...(viewport ? { viewport } : {}),
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
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

/**
 * A new install opens the first-run page, which becomes the active tab (and puts a page opened
 * before it in the background). Tests and measurements other than the first-run tests start where
 * the reader has already closed it.
 */
export async function closeWelcome(context: BrowserContext) {
  const isWelcome = (p: { url(): string }) => p.url().endsWith('/welcome.html');
  const welcome = context.pages().find(isWelcome) ?? (await context.waitForEvent('page', { predicate: isWelcome, timeout: 15_000 }));
  // Closed only once its location form shows: the page has opened (and, on a new install, seeded)
  // the database by then, so closing it never interrupts a first seeding.
  await welcome.getByRole('combobox').first().waitFor({ timeout: 120_000 }).catch(() => undefined);
  await welcome.close();
}
