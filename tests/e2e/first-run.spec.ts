import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, openBrowser, test } from './fixtures';

// Each test starts its own browser (some twice); a loaded machine needs more than the default.
test.describe.configure({ timeout: 120_000 });

const isWelcome = (page: Page) => page.url().endsWith('/welcome.html');

async function welcomePage(context: BrowserContext): Promise<Page> {
  for (let i = 0; i < 100; i++) {
    const page = context.pages().find(isWelcome);
    if (page) return page;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no first-run page opened');
}

/** Welcome tabs the browser has, counted by the extension itself. */
const welcomeTabs = (worker: Worker) =>
  worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['TAB'] })).filter((c) => c.documentUrl?.endsWith('/welcome.html')).length);

test('a new install opens the first-run page once; never again when the browser starts again', async ({ profileDir }) => {
  let { context, worker } = await openBrowser(profileDir, { keepWelcome: true });
  try {
  const welcome = await welcomePage(context);
  await expect(welcome.getByRole('heading', { level: 1, name: 'Welcome to Second Chance' })).toBeVisible();
  expect(await welcomeTabs(worker)).toBe(1);
  await welcome.close();
  await context.close();

  // Restart with the same profile: the extension starts again, but it was not installed again.
  ({ context, worker } = await openBrowser(profileDir));
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await welcomeTabs(worker)).toBe(0);

  // Updates: the same rule (install reason and no flag), unit-tested in tests/unit/background/first-run.test.ts.
  } finally {
    await context.close();
  }
});

test('the first-run page: pin picture, location, the shortcuts as registered, the privacy promise and the live-refresh offer; axe clean', async ({ profileDir }) => {
  const { context } = await openBrowser(profileDir, { keepWelcome: true });
  const welcome = await welcomePage(context);
  await expect(welcome.getByRole('img', { name: /puzzle-piece Extensions button/ })).toBeVisible();
  expect(await welcome.getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(welcome.getByText('Click the puzzle-piece button (Extensions)')).toBeVisible();
  const keys = welcome.getByRole('region', { name: '3. Two keys to remember' });
  await expect(keys.getByRole('listitem').filter({ hasText: 'Naloxone now' })).toContainText('Alt+Shift+O');
  await expect(keys.getByRole('listitem').filter({ hasText: 'Hide everything on this page' })).toContainText('Alt+Shift+H');
  await expect(keys.getByRole('button', { name: 'Change shortcuts' })).toBeVisible();
  await expect(welcome.getByRole('region', { name: 'Our privacy promise' })).toContainText('Nothing about what you read is sent anywhere.');
  await expect(welcome.getByRole('checkbox', { name: 'Refresh results for my area from FindTreatment.gov' })).not.toBeChecked();
  await welcome.getByLabel('US ZIP code (for nearby help; stays on this device)').fill('80202');
  await welcome.getByRole('button', { name: 'Save location' }).click();
  await expect(welcome.getByText('Saved.').or(welcome.getByText(/80202/)).first()).toBeVisible();
  await welcome.screenshot({ path: 'artifacts/first-run-chromium.png', fullPage: true });
  const results = await new AxeBuilder({ page: welcome }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  await context.close();
});

test('the first-run page in Spanish, axe clean', async ({ profileDir }) => {
  const { context } = await openBrowser(profileDir, { args: ['--lang=es'], keepWelcome: true });
  const welcome = await welcomePage(context);
  await expect(welcome.getByRole('heading', { level: 1, name: 'Bienvenido a Second Chance' })).toBeVisible();
  await expect(welcome.getByRole('heading', { name: '3. Dos atajos para recordar' })).toBeVisible();
  await expect(welcome.getByText('Alt+Shift+O')).toBeVisible();
  expect(await welcome.evaluate(() => document.documentElement.lang)).toMatch(/^es/);
  const results = await new AxeBuilder({ page: welcome }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  await context.close();
});
