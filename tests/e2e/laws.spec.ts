import type { BrowserContext, Page } from '@playwright/test';
import { expect, openBrowser, test as base } from './fixtures';
import { openBrowserWithPort, openRealPopup, reachExtensionPage, waitForSidePanels } from './real-surfaces';

/**
 * Issue 13: a Kansas reader was told "Good Samaritan overdose law: none recorded as of 2021".
 * Through the real toolbar popup (chrome.action.openPopup(), as a click on the toolbar button
 * does) and the real side panel it opens, a reader at ZIP 66044 (Lawrence, KS) now sees Kansas's
 * 2024 law with its source and date.
 */

const test = base.extend<{ surfaces: Awaited<ReturnType<typeof openBrowserWithPort>> }>({
  surfaces: async ({ profileDir }, use) => {
    const opened = await openBrowserWithPort(profileDir);
    await use(opened);
    await opened.context.close();
  },
});
test.describe.configure({ timeout: 120_000 });

async function saveZip(page: Page, extensionId: string, zip: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByLabel('Country for emergency numbers and helplines').selectOption('US');
  const zipField = page.getByLabel('US ZIP code (for nearby help; stays on this device)');
  await expect(zipField).toBeVisible({ timeout: 30_000 });
  await zipField.fill(zip);
  await page.getByRole('button', { name: 'Save location' }).click();
  await expect(page.getByText(`Location saved: ZIP ${zip}.`)).toBeVisible({ timeout: 30_000 });
}

/** The window's first web tab, in front: the tab the toolbar popup and the side panel are about. */
async function frontTab(context: BrowserContext, url: string) {
  const page = context.pages().find((p) => !p.url().startsWith('chrome-extension:')) ?? (await context.newPage());
  await page.goto(url);
  await page.bringToFront();
  return page;
}

async function expectKansasLaw(page: Page) {
  const laws = page.getByRole('region', { name: 'Laws in Kansas' });
  await expect(laws).toBeVisible({ timeout: 30_000 });
  await expect(laws).toContainText('In an overdose, call 911 first.');
  const gs = laws.locator('li[data-topic="goodSamaritan"]');
  await expect(gs).toContainText('Good Samaritan overdose law (protection when you call for help): Yes, since 2024.');
  await expect(gs).toContainText('you are protected from charges for having drugs or drug gear for your own use');
  await expect(gs).toContainText(/as of 2026-12-03/);
  await expect(gs.getByRole('link', { name: /^K\.S\.A\. 22-2312/ })).toHaveAttribute('href', /^https:\/\//);
  await expect(laws).not.toContainText(/none recorded|\bnone\b/i);
  // Every row carries its own source link and as-of date.
  for (const row of await laws.locator('li[data-topic]').all()) {
    await expect(row.getByRole('link')).toHaveAttribute('href', /^https?:\/\//);
    await expect(row).toContainText(/as of \d{4}(-\d{2}-\d{2})?/);
  }
  await expect(laws.locator('li[data-topic]')).toHaveCount(5);
}

test('Kansas ZIP 66044: the real toolbar popup and the real side panel show Kansas Good Samaritan protection, sourced and dated', async ({ surfaces: { context, worker, extensionId, cdpUrl }, origin }) => {
  const options = await context.newPage();
  await saveZip(options, extensionId, '66044');
  await options.close();
  await frontTab(context, `${origin}/seed/001.html`);

  const { page: popup, remote } = await openRealPopup(worker, cdpUrl);
  await expectKansasLaw(popup);
  await popup.screenshot({ path: 'artifacts/laws-popup-66044.png', fullPage: true });

  await popup.getByRole('button', { name: 'Open sidebar for this page' }).click();
  await waitForSidePanels(worker, 1);
  const { page: panel, remote: panelRemote } = await reachExtensionPage(cdpUrl, '/sidepanel.html');
  await expectKansasLaw(panel);
  await panel.getByRole('region', { name: 'Laws in Kansas' }).screenshot({ path: 'artifacts/laws-sidepanel-66044.png' });
  await panelRemote.close();
  await remote.close();
});

test('Spanish browser, ZIP 82001 (Cheyenne, WY): Wyoming’s 2025 law in Spanish', async ({ profileDir }) => {
  const { context, extensionId } = await openBrowser(profileDir, { args: ['--lang=es'] });
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.getByLabel('País para números de emergencia y líneas de ayuda').selectOption('US');
    const zipField = page.getByLabel('Código postal de EE. UU. (para ayuda cercana; se queda en este dispositivo)');
    await expect(zipField).toBeVisible({ timeout: 30_000 });
    await zipField.fill('82001');
    await page.getByRole('button', { name: 'Guardar ubicación' }).click();
    await expect(page.getByText('Ubicación guardada: código postal 82001.')).toBeVisible({ timeout: 30_000 });
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const laws = page.getByRole('region', { name: 'Leyes en Wyoming' });
    await expect(laws).toBeVisible({ timeout: 30_000 });
    await expect(laws.locator('li[data-topic="goodSamaritan"]')).toContainText('Sí, desde 2025-07-01.');
    await expect(laws.locator('li[data-topic="goodSamaritan"]')).toContainText('datos a 2026-12-03');
    await expect(laws).toContainText('En una sobredosis, llame primero al 911.');
  } finally {
    await context.close();
  }
});
