import type { Page } from '@playwright/test';
import { expect, test, waitForTabId } from './fixtures';

/** Select the first occurrence of `text` inside the page's article. */
async function select(page: Page, text: string) {
  await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue!.indexOf(needle);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
    }
    throw new Error(`not on the page: ${needle}`);
  }, text);
}

const QUOTE = 'It is not enabling it is saving a life.';

test('save a selection from the sidebar, see it confirmed, listed, highlighted on revisit and in the library', async ({ context, worker, extensionId, origin }) => {
  const url = `${origin}/seed/000.html?utm_source=newsletter`;
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await waitForTabId(worker, url);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await expect(panel.getByText('Nothing saved from this page yet.')).toBeVisible();

  await panel.getByRole('button', { name: 'Save selection' }).click();
  await expect(panel.getByText('Select some text on the page first.')).toBeVisible();

  await select(page, QUOTE);
  await panel.getByRole('button', { name: 'Save selection' }).click();
  await expect(panel.getByText('Saved.', { exact: true })).toBeVisible();
  await expect(panel.locator('.snippets blockquote')).toHaveText(QUOTE);
  // The confirmation lives in our own element on the page; it carries no note or tags.
  await expect(page.locator('second-chance-toast')).toHaveCount(1);

  // Revisit (tracking parameter gone, same page): the quote is found and marked again.
  await page.goto(`${origin}/seed/000.html`);
  await expect(page.locator('second-chance-mark')).toHaveText(QUOTE);

  const library = await context.newPage();
  await library.goto(`chrome-extension://${extensionId}/library.html`);
  const item = library.locator('li.card').filter({ hasText: QUOTE });
  await expect(item.getByRole('link')).toHaveAttribute('href', `${origin}/seed/000.html`);
  await item.getByLabel('Note').fill('Share with the family group');
  await item.getByLabel('Tags (comma-separated)').fill('naloxone, family');
  await item.getByRole('button', { name: 'Save changes' }).click();
  await expect(item.getByText('Saved', { exact: true })).toBeVisible();

  await library.getByLabel('Search snippets').fill('family group');
  await expect(library.locator('li.card')).toHaveCount(1);
  await library.getByLabel('Search snippets').fill('nothing like this');
  await expect(library.getByText('No snippet matches.')).toBeVisible();
  await library.getByLabel('Search snippets').fill('');
  await library.getByLabel('Filter by tag').selectOption('naloxone');
  await expect(library.locator('li.card')).toHaveCount(1);

  const download = library.waitForEvent('download');
  await library.getByRole('button', { name: 'Export (JSON)' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(await (await import('node:fs/promises')).readFile(file, 'utf8'));
  expect(exported).toMatchObject({ format: 'second-chance-snippets', version: 1, snippets: [{ quote: QUOTE, note: 'Share with the family group', tags: ['naloxone', 'family'] }] });

  // A malformed import is refused with a clear message and loses nothing.
  await library.getByLabel('Import a snippet file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"other"}') });
  await expect(library.getByText(/This is not a Second Chance snippet file.*Nothing was imported/)).toBeVisible();
  await library.getByLabel('Filter by tag').selectOption('');
  await expect(library.locator('li.card')).toHaveCount(1);

  // Delete, then undo.
  await library.locator('li.card').getByRole('button', { name: 'Delete' }).click();
  await expect(library.locator('li.card')).toHaveCount(0);
  await library.getByRole('button', { name: 'Deleted. Undo' }).click();
  await expect(library.locator('li.card')).toHaveCount(1);
});
