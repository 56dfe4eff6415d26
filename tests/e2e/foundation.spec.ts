import { expect, noticeText, openBrowser, test, waitForTabId } from './fixtures';
import { SEED_IDS } from '../../tools/demo-server';

test('the service worker starts and the popup shows the emergency number and helplines from the database', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const emergency = popup.getByRole('link', { name: 'Possible overdose? Call 911' });
  await expect(emergency).toHaveAttribute('href', 'tel:911');
  await expect(popup.getByText('SAMHSA National Helpline (Treatment Referral Routing Service)')).toBeVisible();
  await expect(popup.getByRole('link', { name: '1-800-662-4357' })).toHaveAttribute('href', 'tel:18006624357');
  await expect(popup.getByRole('link', { name: '1-800-222-1222' })).toHaveAttribute('href', 'tel:18002221222');
});

test('the content script reads a seed page and the background receives its analysis', async ({ context, worker, extensionId, origin }) => {
  const page = await context.newPage();
  const url = `${origin}/seed/001.html`;
  await page.goto(url);
  const tabId = await waitForTabId(worker, url);
  const analysis = await worker.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId);
  expect(analysis).toMatchObject({ url, topics: ['overdose'], lang: 'en' });
  // Only derived facts cross to the background, never the page's text.
  expect(JSON.stringify(analysis)).not.toContain('Individuals who found recovery');
  await expect.poll(() => noticeText(page)).toContain('This page discusses overdose.');

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await expect(panel.getByText('This page discusses: overdose')).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Possible overdose? Call 911' })).toBeVisible();
  await panel.getByText('Phrases that matched').click();
  await expect(panel.locator('ul.phrases li').filter({ hasText: /^naloxone \(/ })).toBeVisible();
});

test('options: location and country are saved in the database and survive a reload and a browser restart', async ({ profileDir }) => {
  let { context, extensionId: id } = await openBrowser(profileDir);
  let options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.getByLabel('US ZIP code (for nearby help; stays on this device)').fill('99998');
  await options.getByRole('button', { name: 'Save location' }).click();
  await expect(options.getByText('We don’t have ZIP 99998 in our offline data. Try a nearby ZIP.')).toBeVisible();
  await options.getByLabel('US ZIP code (for nearby help; stays on this device)').fill('80202');
  await options.getByRole('button', { name: 'Save location' }).click();
  await expect(options.getByText('Location saved: ZIP 80202.')).toBeVisible();
  await options.reload();
  await expect(options.getByLabel('US ZIP code (for nearby help; stays on this device)')).toHaveValue('80202');
  await options.getByRole('combobox').selectOption('GB');
  // The ZIP field disappears once the new country is stored.
  await expect(options.getByLabel('US ZIP code (for nearby help; stays on this device)')).toHaveCount(0);
  await context.close();

  ({ context, extensionId: id } = await openBrowser(profileDir));
  options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  await expect(options.getByRole('combobox')).toHaveValue('GB');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await expect(popup.getByRole('link', { name: 'Possible overdose? Call 999' })).toHaveAttribute('href', 'tel:999');
  await options.getByRole('combobox').selectOption('US');
  await expect(options.getByLabel('US ZIP code (for nearby help; stays on this device)')).toHaveValue('80202');
  await context.close();
});

test('network silence: reading pages and opening every extension page requests nothing but 127.0.0.1 and the extension', async ({ context, extensionId, origin, requests }) => {
  const page = await context.newPage();
  for (const id of SEED_IDS) {
    await page.goto(`${origin}/seed/${id}.html`);
    await page.waitForTimeout(300);
  }
  for (const name of ['popup', 'sidepanel', 'options', 'library']) {
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${extensionId}/${name}.html`);
    await expect(ext.locator('main')).toBeVisible();
    await ext.waitForLoadState('networkidle');
  }
  expect(requests.length).toBeGreaterThan(8);
  const foreign = requests.filter((url) => {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'chrome-extension:') return hostname !== extensionId;
    if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return false;
    return hostname !== '127.0.0.1';
  });
  expect(foreign).toEqual([]);
});
