import type { Page } from '@playwright/test';
import { expect, openBrowser, putRows, test } from './fixtures';

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
  await expect(panel.locator('li[data-topic="goodSamaritan"]')).toContainText(/^Good Samaritan overdose law \(protection when you call for help\): Yes, since \d{4}-\d\d-\d\d\./);

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
  await expect(page.getByText('9-8-8 Suicide Crisis Helpline')).toBeVisible();
  // NORS is hidden until its number is read on an official page (content-data/helplines).
  await expect(page.getByText('National Overdose Response Service (NORS)')).toHaveCount(0);
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

test('live refresh: off by default, asked for at opt-in, listings above the bundled ones with their date, failures keep them and say why', async ({ context, extensionId, requests }) => {
  // The locator, replayed: one record in its JSON shape (findtreatment.gov/locator/exportsAsJson/v2).
  let answer: { status: number; body: string } = {
    status: 200,
    body: JSON.stringify({ page: 1, totalPages: 1, recordCount: 1, rows: [{
      frid: 'T1', name1: 'Test Recovery Clinic', name2: 'Outpatient', street1: '100 Test St', city: 'Denver', state: 'CO', zip: '80202',
      phone: '303-555-0100', website: 'https://example.org', latitude: '39.75', longitude: '-104.99', miles: 0.4,
      services: [{ f1: 'Type of Care', f2: 'TC', f3: 'Outpatient' }],
    }] }),
  };
  const asked: string[] = [];
  await context.route('https://findtreatment.gov/**', (route) => {
    asked.push(route.request().url());
    return route.fulfill({ status: answer.status, contentType: 'application/json', body: answer.body });
  });
  const page = await context.newPage();
  await setLocation(page, extensionId, 'US', '80202');
  const toggle = page.getByLabel('Refresh results for my area from FindTreatment.gov');
  await expect(toggle).not.toBeChecked();
  // Nothing went to the locator before the reader opted in (the popup, options and sidebar have all loaded by now).
  expect(asked).toEqual([]);
  // Chrome grants the host without a prompt here: the content script's <all_urls> match already covers it (README, permissions).
  await toggle.click();
  await expect(toggle).toBeChecked();

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const live = panel.locator('section.live');
  await expect(live.getByRole('heading', { name: /^Current listings from FindTreatment\.gov \(fetched .+\)$/ })).toBeVisible();
  await expect(live.locator('ol.places > li')).toHaveText(/Test Recovery Clinic, Outpatient.*0\.4 mi.*100 Test St, Denver, CO 80202.*303-555-0100/);
  await expect(live.getByRole('link', { name: '303-555-0100, call Test Recovery Clinic, Outpatient' })).toHaveAttribute('href', 'tel:+13035550100');
  await expect(panel.getByRole('heading', { name: 'From the bundled directory' })).toBeVisible();
  await expect(panel.locator('section.live + h3 + ol.places > li')).toHaveCount(10);
  // Only the ZIP's centre point and a radius went out; a reload within the day uses the cache.
  expect(asked).toHaveLength(1);
  expect(new URL(asked[0]).searchParams.get('sAddr')).toBe('39.751526,-104.997673');
  await panel.reload();
  await expect(live.locator('ol.places > li')).toContainText('Test Recovery Clinic');
  expect(asked).toHaveLength(1);

  // The service fails, then answers garbage: the listings stay, with a plain reason.
  for (const [failure, reason] of [
    [{ status: 503, body: 'busy' }, 'the service returned an error'],
    [{ status: 200, body: '<html>maintenance</html>' }, 'the answer was not in the expected form'],
  ] as const) {
    answer = failure;
    await live.getByRole('button', { name: 'Refresh now' }).click();
    await expect(live.getByRole('status')).toHaveText(new RegExp(`^Could not refresh from FindTreatment\\.gov \\(${reason}\\)\\. Showing the listings fetched .+\\.$`));
    await expect(live.locator('ol.places > li')).toContainText('Test Recovery Clinic');
  }

  // Turned off: the sidebar shows only the bundled directory and asks nothing more.
  const before = asked.length;
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect(panel.locator('section.live')).toHaveCount(0);
  await panel.reload();
  await expect(panel.locator('ol.places > li')).toHaveCount(10);
  expect(asked).toHaveLength(before);
  // The locator was the only host contacted beyond the test's own pages.
  expect(requests.filter((url) => /^https?:/.test(url) && !url.startsWith('https://findtreatment.gov/'))).toEqual([]);
});

test('a new directory version is seeded at the next start; a sidebar opened meanwhile shows progress, then the places', async ({ profileDir }) => {
  let { context, extensionId: id } = await openBrowser(profileDir);
  const options = await context.newPage();
  await setLocation(options, id, 'US', '80202');
  // As if the extension had been updated with a newer dataset than the one stored.
  await putRows(options, 'meta', [{ key: 'datasetVersion', value: 'an-older-dataset' }]);
  await context.close();

  ({ context, extensionId: id } = await openBrowser(profileDir));
  const panel = await context.newPage();
  // Remember whether the progress line ever appeared: seeding takes about a second.
  await panel.addInitScript(() => {
    new MutationObserver(() => {
      const status = document.querySelector('.seeding');
      if (status) (window as unknown as { seenProgress: string }).seenProgress = status.textContent ?? '';
    }).observe(document, { childList: true, subtree: true });
  });
  await panel.goto(`chrome-extension://${id}/sidepanel.html`);
  await expect(panel.locator('ol.places > li').first()).toContainText('Denver', { timeout: 30_000 });
  expect(await panel.evaluate(() => (window as unknown as { seenProgress?: string }).seenProgress)).toMatch(/^Preparing the offline directory \(\d{1,2}%\)…$/);
  await expect(panel.locator('.seeding')).toHaveCount(0);
  await context.close();
});
