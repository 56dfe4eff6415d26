import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function setLocation(page: Page, extensionId: string, country: string, zip?: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByLabel('Country for emergency numbers and helplines').selectOption(country);
  // The ZIP field follows the country stored in the database: wait for the write to land.
  const zipField = page.getByLabel('US ZIP code (for nearby help; stays on this device)');
  if (country === 'US') await expect(zipField).toBeVisible({ timeout: 30_000 });
  else await expect(zipField).toHaveCount(0, { timeout: 30_000 });
  if (zip) {
    await page.getByLabel('US ZIP code (for nearby help; stays on this device)').fill(zip);
    await page.getByRole('button', { name: 'Save location' }).click();
    // The first extension page after install may wait for the directory to be seeded.
    await expect(page.getByText(`Location saved: ZIP ${zip}.`)).toBeVisible({ timeout: 30_000 });
  }
}

test('ZIP 80202 lists Denver programs with distances, badges, data date and Colorado’s laws, offline', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await setLocation(options, extensionId, 'US', '80202');
  await context.setOffline(true);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const places = panel.locator('ol.places > li');
  await expect(places).toHaveCount(10);
  await expect(places.first()).toContainText(/Denver/);
  await expect(places.first()).toContainText(/\d\.\d mi/);
  await expect(panel.locator('ol.places')).toContainText('Champa Street');
  await panel.getByLabel('Show', { exact: true }).selectOption('methadone');
  await expect(places.first()).toContainText('Comprehensive Behav Health Center - Methadone Maintenance');
  await expect(places.first()).toContainText('Opioid treatment program');
  await expect(panel.locator('ol.places')).toContainText('777 Bannock St.');
  await expect(panel.getByText(/Directory data as of 2019-2021 \(SAMHSA\)\. Call ahead/)).toBeVisible();
  await expect(panel.getByRole('link', { name: 'FindTreatment.gov (official locator)' })).toHaveAttribute('href', 'https://findtreatment.gov/');
  await expect(panel.getByRole('heading', { name: 'Laws in Colorado' })).toBeVisible();
  await expect(panel.getByText(/^Good Samaritan overdose law: yes, since \d{4}-\d\d-\d\d/)).toBeVisible();

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('ol.places > li')).toHaveCount(3);
  await expect(popup.locator('ol.places > li').first()).toContainText('Denver');
  await expect(popup.getByRole('link', { name: '1-800-662-4357' })).toBeVisible();
  await context.setOffline(false);
});

test('ZIP 43215 lists Columbus programs', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await setLocation(page, extensionId, 'US', '43215');
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect(page.locator('ol.places > li').first()).toContainText('Columbus');
  await expect(page.getByRole('heading', { name: 'Laws in Ohio' })).toBeVisible();
});

test('country Canada shows Canadian lines and no US rows; the UK shows 999', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await setLocation(page, extensionId, 'CA');
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByRole('link', { name: 'Possible overdose? Call 911' })).toBeVisible();
  await expect(page.getByText('National Overdose Response Service (NORS)')).toBeVisible();
  await expect(page.locator('ol.places')).toHaveCount(0);
  await expect(page.getByText('SAMHSA National Helpline')).toHaveCount(0);
  await setLocation(page, extensionId, 'GB');
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect(page.getByRole('link', { name: 'Possible overdose? Call 999' })).toBeVisible();
  await expect(page.getByText('The bundled directory covers the United States only.')).toBeVisible();
  await expect(page.getByText('FRANK (national drugs advice service)')).toBeVisible();
});

test('"Use my current location" asks the browser only on click and keeps only the nearest ZIP', async ({ context, extensionId }) => {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  // Not allowed: a plain message, nothing saved.
  await panel.getByRole('button', { name: 'Use my current location' }).click();
  await expect(panel.getByText('The browser did not share a location. Enter a ZIP code instead.')).toBeVisible({ timeout: 30_000 });
  // Allowed, standing near Denver's Union Station.
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 39.7531, longitude: -105.0002 });
  await panel.getByRole('button', { name: 'Use my current location' }).click();
  await expect(panel.getByText(/^Location saved: ZIP 802\d\d\.$/)).toBeVisible({ timeout: 30_000 });
  await expect(panel.locator('ol.places > li').first()).toContainText('Denver');
  const stored = await panel.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('second-chance');
        open.onsuccess = () => {
          const get = open.result.transaction('settings').objectStore('settings').get('settings');
          get.onsuccess = () => resolve(JSON.stringify(get.result));
        };
      }),
  );
  expect(stored).toMatch(/"zip":"802\d\d"/);
  expect(stored).not.toMatch(/39\.75|105\.00/); // the position itself is not kept
});
