import AxeBuilder from '@axe-core/playwright';
import { breakDatabase, expect, test } from './fixtures';

for (const name of ['popup', 'options', 'library']) {
  test(`${name} page passes axe and works at 200% zoom`, async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: name === 'popup' ? 380 : 900, height: 700 });
    await page.goto(`chrome-extension://${extensionId}/${name}.html`);
    await expect(page.locator('main h1, main h2').first()).toBeAttached();
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    // 200% zoom: nothing wider than the window (no sideways scrolling).
    await page.evaluate(() => ((document.body.style as unknown as { zoom: string }).zoom = '2'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
}

test('when the database cannot be opened, the pages say so plainly and still help from the bundled data in memory', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByLabel('Country for emergency numbers and helplines')).toBeVisible({ timeout: 30_000 });
  await options.close();
  // Something else upgraded the database past our version and dropped its tables (as a broken
  // newer build might): our pages cannot use it.
  const blocker = await context.newPage();
  await blocker.goto(`chrome-extension://${extensionId}/library.html`);
  await breakDatabase(blocker);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('alert').first()).toContainText('Second Chance can’t open its local storage');
  await expect(popup.getByRole('alert').first()).toContainText('come from the copy built into the extension');
  // The overdose steps never depend on the database; numbers and helplines come from memory.
  await expect(popup.getByText('one spray in one nostril')).toBeVisible();
  await expect(popup.getByRole('link', { name: 'Possible overdose? Call 911' })).toBeVisible();
  await expect(popup.getByText('SAMHSA National Helpline')).toBeVisible();
  // Nearby help works for a ZIP typed in the sidebar, for this page's lifetime.
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.getByLabel('US ZIP code (for nearby help; stays on this device)').fill('80202');
  await panel.getByRole('button', { name: 'Save location' }).click();
  await expect(panel.locator('ol.places > li').first()).toContainText('Denver', { timeout: 30_000 });
  expect((await new AxeBuilder({ page: panel }).analyze()).violations).toEqual([]);
  // Snippets need real storage: the library says so instead of showing an empty list.
  await blocker.reload();
  await expect(blocker.getByRole('alert').first()).toContainText('Second Chance can’t open its local storage');
});
