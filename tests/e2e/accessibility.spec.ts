import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

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

test('when the database cannot be opened, the pages say so plainly and do not crash', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByLabel('Country for emergency numbers and helplines')).toBeVisible({ timeout: 30_000 });
  await options.close();
  // Something else upgraded the database past our version and dropped its tables (as a broken
  // newer build might): our pages cannot use it.
  const blocker = await context.newPage();
  await blocker.goto(`chrome-extension://${extensionId}/library.html`);
  await blocker.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('second-chance', 9_999);
        request.onupgradeneeded = () => {
          for (const name of [...request.result.objectStoreNames]) request.result.deleteObjectStore(name);
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
  );
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('alert').first()).toContainText('Second Chance can’t open its local storage');
  // The overdose steps never depend on the database.
  await expect(popup.getByText('one spray in one nostril')).toBeVisible();
});
