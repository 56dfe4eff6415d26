import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, putRows, test as base, waitForTabId } from './fixtures';
import { openBrowserWithPort, openRealPopup } from './real-surfaces';

/**
 * Issue 17, "Naloxone ready", through the real toolbar popup (chrome.action.openPopup(), reached
 * over CDP): the reader records a kit, sees the calm reminder, marks it used and is asked to
 * replace it; the toolbar badge follows; "Delete all my data" removes the kit and the reminder.
 */
const test = base.extend<{ surfaces: Awaited<ReturnType<typeof openBrowserWithPort>> }>({
  surfaces: async ({ profileDir }, use) => {
    const opened = await openBrowserWithPort(profileDir);
    await use(opened);
    await opened.context.close();
  },
});
test.describe.configure({ timeout: 120_000 });

async function firstTab(context: BrowserContext) {
  const page = context.pages().find((p) => !p.url().startsWith('chrome-extension:')) ?? (await context.newPage());
  await page.bringToFront();
  return page;
}

/**
 * axe-core run inside the page itself: AxeBuilder opens a helper page, and any new page takes focus
 * from the real popup, which then closes, as it would for a user.
 */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async (sel) => {
    const result = await (window as unknown as { axe: { run(c: string): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(sel);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}

/** A date `days` from today in the page's own calendar, as the date input takes it. */
const inDays = (page: Page, days: number) =>
  page.evaluate((n) => {
    const d = new Date();
    d.setDate(d.getDate() + n);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, days);

test('real popup: a kit that expires in 20 days shows its reminder, a kit marked used asks to replace it, the badge follows, axe clean', async ({ surfaces: { context, worker, cdpUrl }, origin }) => {
  const tab = await firstTab(context);
  await tab.goto(`${origin}/seed/001.html`);
  const { page: popup, remote } = await openRealPopup(worker, cdpUrl);
  const kits = popup.getByRole('region', { name: 'I have naloxone' });
  await expect(kits).toBeVisible();
  // Keyboard: reach "Add a kit" and open the form with Enter.
  await kits.getByRole('button', { name: 'Add a kit' }).focus();
  await popup.keyboard.press('Enter');
  const form = kits.getByRole('form', { name: 'Add a kit' });
  await form.getByLabel('Kind').selectOption('nasal');
  await form.getByLabel('Where it is').fill('Kitchen drawer');
  await form.getByLabel('Expiry date on the box').fill(await inDays(popup, 20));
  await form.getByLabel('Where it is').press('Enter'); // submits the form
  await expect(kits.getByRole('status').filter({ hasText: 'Your kit in Kitchen drawer expires in 20 days. Plan to get a new one.' })).toBeVisible();
  await expect(kits.getByText('Tell the people around you where it is')).toBeVisible();
  expect(await worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('!');
  expect(await worker.evaluate(() => chrome.action.getTitle({}))).toContain('naloxone kit needs attention');

  await kits.getByRole('button', { name: 'How to keep it ready' }).or(kits.getByText('How to keep it ready')).first().click();
  await expect(kits.getByText('Do not leave it in a car.')).toBeVisible();
  expect(await axeViolations(popup, 'section.kits')).toEqual([]);

  await kits.getByRole('button', { name: 'I used it: Nasal spray · Kitchen drawer' }).click();
  const replace = kits.getByRole('status').filter({ hasText: 'Replace it after use.' });
  await expect(replace).toBeVisible();
  await expect(replace).toContainText('Get a new kit now');
  await popup.screenshot({ path: 'artifacts/family-kits-real-popup.png', fullPage: true });
  await remote.close();

  // "Delete all my data" (options) takes the kit and its reminder away.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
  await options.getByRole('button', { name: 'Delete all my data…' }).click();
  await options.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(options.getByText('All your data was deleted.')).toBeVisible();
  expect(await worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
  const again = await openRealPopup(worker, cdpUrl);
  await expect(again.page.getByText('Add your kit to get a calm reminder')).toBeVisible();
  await again.remote.close();
});

test('after an overdose: the checklist opens from the popup page, ticks stay after a reload, "Clear all ticks" resets them, axe clean', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const [page] = await Promise.all([context.waitForEvent('page'), popup.getByRole('link', { name: 'After an overdose: a checklist' }).click()]);
  await page.waitForLoadState();
  expect(new URL(page.url()).pathname).toBe('/after-overdose.html');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('After an overdose: the next hours and weeks');
  const bup = page.getByRole('checkbox', { name: /Ask the ER team: can you start buprenorphine today/ });
  await bup.check(); // keyboard-operable native checkbox
  await page.getByRole('checkbox', { name: /Ask for naloxone to take home/ }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('status')).toHaveText('2 of 9 done');
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /Ask the ER team/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /Ask for naloxone to take home/ })).toBeChecked();
  // Each line links to its numbered source; the sources list has the DOIs and URLs.
  await expect(page.getByRole('link', { name: /^source \d+: D'Onofrio/ }).first()).toHaveAttribute('href', '#source-donofrio-2015');
  await expect(page.locator('#source-weiner-2020 a')).toHaveAttribute('href', 'https://doi.org/10.1016/j.annemergmed.2019.04.020');
  expect(await axeViolations(page, 'main')).toEqual([]);
  await page.getByRole('button', { name: 'Clear all ticks' }).click();
  await expect(page.getByRole('status')).toHaveText('0 of 9 done');
  await expect(bup).not.toBeChecked();
});

/** Pages in a PDF: page objects, not the /Pages tree node. */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

test('the printed plan is one page in English and in Spanish, with the steps, the state line and the naloxone place; text at grade 8 or lower; the wallet card does not overflow', async ({ context, extensionId, requests }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/plan.html`);
  await expect(page.getByRole('heading', { name: 'Print your overdose plan' })).toBeVisible();
  // The reader's ZIP (a New York City ZIP) and a kit, as the options page and the popup would store them.
  await putRows(page, 'settings', [{ key: 'settings', value: { country: 'US', zip: '10001', paused: false, mutedSites: [], counselorMode: false, textSize: 'normal', liveRefresh: false } }]);
  await putRows(page, 'naloxoneKits', [{ id: 1, kind: 'nasal', place: 'Hall closet, top shelf', expires: '2030-01-31', addedAt: 1, usedAt: null }]);
  await page.reload();
  const plan = page.locator('article.plan-page');
  await expect(plan.locator('.plan-call')).toHaveText('Possible overdose? Call 911');
  await expect(plan.locator('ol.plan-steps > li')).toHaveCount(6);
  await expect(plan.getByText('Hall closet, top shelf')).toBeVisible();
  await expect(plan.getByRole('heading', { name: 'The law in New York' })).toBeVisible();
  const { fleschKincaidGrade } = await import('../../src/shared/evidence/readability');
  const english = (await plan.innerText()).replace(/\n+/g, '. ');
  expect(english.length).toBeGreaterThan(200);
  const measured = fleschKincaidGrade(english);
  console.log(`plan grade (Flesch-Kincaid, English): ${measured.toFixed(1)}`);
  expect(measured).toBeLessThanOrEqual(8);
  await page.emulateMedia({ media: 'print' });
  const en = await page.pdf({ format: 'Letter', preferCSSPageSize: true, path: 'artifacts/family-plan-en.pdf' });
  expect(pdfPages(en)).toBe(1);

  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('radio', { name: 'Español' }).check();
  await expect(plan.locator('.plan-call')).toHaveText('¿Posible sobredosis? Llame al 911');
  await expect(plan.getByRole('heading', { name: 'La ley en New York' })).toBeVisible();
  expect(await axeViolations(page, 'main')).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  const es = await page.pdf({ format: 'Letter', preferCSSPageSize: true, path: 'artifacts/family-plan-es.pdf' });
  expect(pdfPages(es)).toBe(1);
  await page.emulateMedia({ media: 'screen' });

  // Wallet card: both faces hold all their text (nothing cut off), in both languages.
  await page.getByRole('radio', { name: 'Wallet card' }).check();
  for (const lang of ['Español', 'English']) {
    await page.getByRole('radio', { name: lang }).check();
    const overflow = await page.evaluate(() => [...document.querySelectorAll('.card-face')].map((f) => f.scrollHeight - f.clientHeight));
    expect(overflow, lang).toEqual([0, 0]);
  }
  await page.screenshot({ path: 'artifacts/family-wallet-card.png' });
  // No network: every request was to the extension itself (the demo server is not used here).
  expect(requests.filter((u) => !u.startsWith('chrome-extension://'))).toEqual([]);
});

test('sidebar page (in a tab): next to "hit rock bottom" and "kick them out", lines to say instead, in the first screen, copyable, with sources; axe clean', async ({ context, extensionId, origin, worker }) => {
  const page = await context.newPage();
  await page.goto(`${origin}/pages/rock-bottom.html`);
  const tabId = await waitForTabId(worker, `${origin}/pages/rock-bottom.html`);
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  const claims = panel.locator('ul.claims > li');
  const rock = claims.filter({ hasText: 'They have to hit rock bottom' });
  await expect(rock).toBeVisible();
  const say = rock.locator('details.what-to-say');
  await expect(say.getByText('What to say instead')).toBeVisible();
  // The first claim's lines are open; every claim with lines offers them.
  const first = claims.first().locator('details.what-to-say');
  await expect(first).toHaveAttribute('open', '');
  expect(await first.locator('li').count()).toBeGreaterThanOrEqual(2);
  expect(await first.locator('li').count()).toBeLessThanOrEqual(3);
  const box = await first.locator('li').first().boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(900); // in the sidebar's first screen
  if (!(await say.getAttribute('open'))) await say.getByText('What to say instead').click();
  const line = say.locator('li').filter({ hasText: 'Would you come with me to talk to someone?' });
  await expect(line.getByRole('link', { name: /^source 1: Meyers, R\. J\., & Smith, J\. E\. \(1997\)/ })).toHaveAttribute('href', 'https://doi.org/10.1016/S0740-5472(97)00122-0');
  await line.getByRole('button', { name: /^Copy: When things are calm/ }).click();
  await expect(line.getByRole('button', { name: /^Copy: When things are calm/ })).toHaveText('Copied');
  await context.grantPermissions(['clipboard-read'], { origin });
  await page.bringToFront();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('When things are calm, try: "I love you. Would you come with me to talk to someone?"');
  await panel.bringToFront();
  expect(await axeViolations(panel, 'ul.claims')).toEqual([]);
});
