import { expect, openBrowser, test } from './fixtures';

test('the popup leads with the emergency number, then sourced numbered steps, then where to get naloxone', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 700 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const main = popup.locator('main');
  const first = main.getByRole('link').first();
  await expect(first).toHaveText('Possible overdose? Call 911');
  await expect(first).toHaveAttribute('href', 'tel:911');

  const steps = popup.getByRole('list').filter({ hasText: 'one spray in one nostril' });
  await expect(steps.locator('> li')).toHaveCount(6);
  await expect(steps.locator('> li').first()).toContainText('Call 911 now');
  // Re-dosing is decided on breathing and comes right after the dose (issue 13).
  await expect(steps.locator('> li').nth(2)).toContainText('Not breathing normally after 2–3 minutes?');
  await expect(steps.locator('> li').nth(4)).toContainText('xylazine or medetomidine');
  await expect(steps.locator('> li').nth(5)).toContainText('wears off');
  // Every step carries at least one official source.
  for (const step of await steps.locator('> li').all()) {
    await expect(step.getByRole('link', { name: /^source 1: / })).toHaveAttribute('href', /^https:\/\//);
  }
  await expect(popup.getByText('sold over the counter at US pharmacies')).toBeVisible();
});

test('with no saved location the popup asks inline and remembers the answer', async ({ context, extensionId }) => {
  let popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByText('Add your country (and US ZIP code)')).toBeVisible();
  await popup.getByLabel('US ZIP code (for nearby help; stays on this device)').fill('80202');
  await popup.getByRole('button', { name: 'Save location' }).click();
  await expect(popup.getByText('Showing help near ZIP 80202')).toBeVisible();
  await popup.close();
  popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByText('Showing help near ZIP 80202')).toBeVisible();
  await popup.getByRole('button', { name: 'Change location' }).click();
  await popup.getByLabel('Country for emergency numbers and helplines').selectOption('AU');
  await expect(popup.getByRole('link', { name: 'Possible overdose? Call 000' })).toHaveAttribute('href', 'tel:000');
  await expect(popup.getByText('Call 000 now and put the phone on speaker.')).toBeVisible();
});

test('a Spanish browser gets the Spanish popup', async ({ profileDir }) => {
  const { context, extensionId: id } = await openBrowser(profileDir, { args: ['--lang=es'] });
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await expect(popup.getByRole('link', { name: '¿Posible sobredosis? Llame al 911' })).toBeVisible();
  await expect(popup.getByText('Llame al 911 ahora y ponga el teléfono en altavoz.')).toBeVisible();
  expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^es/);
  await context.close();
});
