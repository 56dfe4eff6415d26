import type { BrowserContext, Page } from '@playwright/test';
import { closedShadow, expect, noticeText, saveSelectionInSidebar, selectOnPage, serviceWorkerOf, test, waitForTabId } from './fixtures';

const NOTE = 'private note about my brother';
const TAG = 'family-secret-tag';

/** Give the reader real private data: a location, a saved snippet with a note and a tag. */
async function addPrivateData(context: BrowserContext, extensionId: string, origin: string) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('US ZIP code (for nearby help; stays on this device)').fill('80202');
  await options.getByRole('button', { name: 'Save location' }).click();
  await expect(options.getByText('Location saved: ZIP 80202.')).toBeVisible({ timeout: 30_000 });
  await options.close();
  return { options };
}

async function libraryCount(context: BrowserContext, extensionId: string): Promise<number> {
  const library = await context.newPage();
  await library.goto(`chrome-extension://${extensionId}/library.html`);
  await expect(library.getByRole('heading', { name: 'Saved snippets' })).toBeVisible();
  await library.waitForTimeout(300);
  const n = await library.locator('li.card').count();
  await library.close();
  return n;
}

async function seen(page: Page): Promise<string> {
  return page.evaluate(() => [...(window as unknown as { __seen: string[] }).__seen, (window as unknown as { __walk: () => string }).__walk()].join('\n'));
}

test('a page that walks the DOM, overrides prototypes and listens to everything sees topic names only, never user data', async ({ context, extensionId, origin }) => {
  test.setTimeout(90_000);
  await addPrivateData(context, extensionId, origin);
  const worker = await serviceWorkerOf(context);
  // Save a snippet with a note and tag from an ordinary page first.
  const story = await context.newPage();
  const storyUrl = `${origin}/seed/001.html`;
  await story.goto(storyUrl);
  const storyTab = await waitForTabId(worker, storyUrl);
  await selectOnPage(story, {});
  await saveSelectionInSidebar(context, extensionId, storyTab);
  const library = await context.newPage();
  await library.goto(`chrome-extension://${extensionId}/library.html`);
  await library.getByLabel('Note').fill(NOTE);
  await library.getByLabel('Tags (comma-separated)').fill(TAG);
  await library.getByRole('button', { name: 'Save changes' }).click();
  await expect(library.getByText('Saved', { exact: true })).toBeVisible();

  // The hostile page: notice shown, docked sidebar opened, everything it can observe recorded.
  const hostile = await context.newPage();
  const url = `${origin}/pages/hostile.html`;
  await hostile.goto(url);
  const tabId = await waitForTabId(worker, url);
  await expect.poll(() => noticeText(hostile)).toContain('This page discusses overdose.');
  const dockedPanel = await context.newPage();
  await dockedPanel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await dockedPanel.getByRole('button', { name: 'Show on page' }).click();
  await expect(hostile.locator('second-chance-matches')).toBeAttached();
  await hostile.waitForTimeout(300); // give the page's observers a turn
  const everything = await seen(hostile);
  expect(everything).toContain('overdose'); // the topic name (and the page's own text)
  for (const secret of [NOTE, TAG, '80202', 'Colorado', 'Save selection']) expect(everything).not.toContain(secret);
});

test('spoofed messages, events and forged elements cannot save, wipe, mute or change anything', async ({ context, extensionId, origin }) => {
  await addPrivateData(context, extensionId, origin);
  const hostile = await context.newPage();
  await hostile.goto(`${origin}/pages/hostile.html`);
  await expect.poll(() => noticeText(hostile)).toContain('This page discusses');
  await hostile.evaluate(() => document.getElementById('fake-mute')?.click());
  await hostile.waitForTimeout(1000);
  expect(await libraryCount(context, extensionId)).toBe(0);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByText('No muted sites.')).toBeVisible();
  await expect(options.getByLabel('US ZIP code (for nearby help; stays on this device)')).toHaveValue('80202');
});

test('page CSS cannot hide, move or shrink the notice; removing it does not break the extension', async ({ context, worker, extensionId, origin }) => {
  const page = await context.newPage();
  const url = `${origin}/pages/hostile.html`;
  await page.goto(url);
  const notice = page.locator('second-chance-notice').filter({ hasNot: page.locator('#fake-mute') });
  await expect.poll(async () => (await closedShadow(page, 'second-chance-notice'))?.buttons.map((b) => b.name)).toContain('Evidence and help');
  const box = await notice.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box!.width).toBeGreaterThan(150);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
  // What is on top at the notice's centre is the notice itself (nothing covers it).
  const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 });
  expect(onTop).toBe('SECOND-CHANCE-NOTICE');

  // The page removes the notice; the extension keeps working (new content is still read).
  await page.evaluate(() => document.querySelectorAll('second-chance-notice').forEach((n) => n.remove()));
  await page.evaluate(() => {
    for (let i = 0; i < 20; i++) {
      const p = document.createElement('p');
      p.textContent = 'Fentanyl test strips and naloxone save lives; overdose deaths fall where harm reduction is available. ';
      document.body.append(p);
    }
  });
  const tabId = await waitForTabId(worker, url);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await expect(panel.getByText('This page discusses: overdose')).toBeVisible();
});

test('copies of our elements saved with a page are cleaned up', async ({ context, worker, origin }) => {
  const page = await context.newPage();
  const url = `${origin}/pages/saved-copy.html`;
  await page.goto(url);
  await waitForTabId(worker, url);
  await expect(page.locator('second-chance-notice, second-chance-sidebar, second-chance-match, second-chance-mark, second-chance-matches, #second-chance-match-style')).toHaveCount(0);
  await expect(page.locator('main p')).toHaveText('Recipes for the week: lentil soup and bread.');
});

test('quick-hide removes every trace in the tab; "Delete all my data" removes snippets and settings after confirmation', async ({ context, worker, extensionId, origin }) => {
  await addPrivateData(context, extensionId, origin);
  const page = await context.newPage();
  const url = `${origin}/seed/001.html`;
  await page.goto(url);
  const tabId = await waitForTabId(worker, url);
  await expect.poll(() => noticeText(page)).toContain('overdose');
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.getByRole('button', { name: 'Show on page' }).click();
  await expect(page.locator('second-chance-matches')).toBeAttached();

  // The popup's "Hide everything on this page" (the Alt+Shift+H shortcut and the page menu do the same).
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.bringToFront();
  await popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'quickHide', payload: { tabId: id } }), tabId);
  await expect(page.locator('second-chance-notice, second-chance-matches, second-chance-marks, second-chance-match, second-chance-mark, #second-chance-match-style')).toHaveCount(0);
  // More topic text arrives: still nothing until the page is reloaded.
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'Naloxone and fentanyl test strips. '.repeat(200) })));
  await page.waitForTimeout(2500);
  expect(await noticeText(page)).toBeNull();

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('button', { name: 'Delete all my data…' }).click();
  await options.getByRole('button', { name: 'Cancel' }).click();
  await expect(options.getByLabel('US ZIP code (for nearby help; stays on this device)')).toHaveValue('80202');
  await options.getByRole('button', { name: 'Delete all my data…' }).click();
  await options.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(options.getByText('All your data was deleted.')).toBeVisible();
  await expect(options.getByLabel('US ZIP code (for nearby help; stays on this device)')).toHaveValue('');
  expect(await libraryCount(context, extensionId)).toBe(0);
});
