import { expect, openBrowser, saveSelectionInSidebar, selectOnPage, test, waitForTabId } from './fixtures';

const QUOTE = 'It is not enabling it is saving a life.';

test('save a selection from the sidebar, see it confirmed, listed, shown on the page only on request, and in the library', async ({ context, worker, extensionId, origin }) => {
  const url = `${origin}/seed/000.html?utm_source=newsletter`;
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await waitForTabId(worker, url);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await expect(panel.getByText('Nothing saved from this page yet.')).toBeVisible();

  await panel.getByRole('button', { name: 'Save selection' }).click();
  await expect(panel.getByText('Select some text on the page first.')).toBeVisible();

  await selectOnPage(page, { within: 'main', text: QUOTE });
  await panel.getByRole('button', { name: 'Save selection' }).click();
  await expect(panel.getByText('Saved.', { exact: true })).toBeVisible();
  await expect(panel.locator('.snippets blockquote')).toHaveText(QUOTE);
  // The confirmation lives in the extension's UI (the sidebar, and the toolbar badge briefly), never in the page.
  expect(await page.locator('second-chance-toast, second-chance-mark, second-chance-marks').count()).toBe(0);

  // Revisit (tracking parameter gone, same page): nothing is added to the page by itself; on
  // request (after the warning) the quote is found and drawn over the page.
  await page.goto(`${origin}/seed/000.html`);
  await page.waitForTimeout(2000);
  expect(await page.locator('second-chance-marks, second-chance-mark').count()).toBe(0);
  await panel.reload();
  await panel.getByRole('button', { name: 'Show my saved quotes on this page' }).click();
  await expect(panel.getByText('1 shown on the page, 0 not found.')).toBeVisible();
  await expect(page.locator('second-chance-marks')).toHaveCount(1);

  const library = await context.newPage();
  await library.goto(`chrome-extension://${extensionId}/library.html`);
  const item = library.locator('li.card').filter({ hasText: QUOTE });
  // The link back opens the page itself; "Open at the quote" (a text fragment) only when asked.
  await expect(item.getByRole('link')).toHaveAttribute('href', `${origin}/seed/000.html`);
  await expect(item.getByRole('button', { name: 'Open at the quote' })).toBeVisible();
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
  await library.getByLabel('Topic').selectOption('overdose');
  await library.getByLabel('Site').selectOption('127.0.0.1');
  await expect(library.locator('li.card')).toHaveCount(1);
  await library.getByLabel('Saved from').fill('2001-01-01');
  await library.getByLabel('Saved until').fill('2001-01-02');
  await expect(library.getByText('No snippet matches.')).toBeVisible();
  await library.getByLabel('Saved from').fill('');
  await library.getByLabel('Saved until').fill('');
  await library.locator('li.card').getByLabel('Select').check();
  await expect(library.getByRole('heading', { name: '1 selected' })).toBeVisible();

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

  // The quote disappears from the page: it is listed honestly as not found, never moved elsewhere.
  const sidebar = await context.newPage();
  await sidebar.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await page.evaluate((quote) => {
    for (const p of document.querySelectorAll('p')) if (p.textContent!.includes(quote)) p.remove();
    document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'A new comment on naloxone and harm reduction. '.repeat(60) }));
  }, QUOTE);
  await sidebar.getByRole('button', { name: 'Show my saved quotes on this page' }).click();
  await expect(sidebar.getByText('0 shown on the page, 1 not found.')).toBeVisible({ timeout: 15_000 });
  await expect(sidebar.getByText('Not found on this page now')).toBeVisible();
  await expect(page.locator('second-chance-marks')).toHaveCount(0);

  // Delete, then undo.
  await library.locator('li.card').getByRole('button', { name: 'Delete' }).click();
  await expect(library.locator('li.card')).toHaveCount(0);
  await library.getByRole('button', { name: 'Deleted. Undo' }).click();
  await expect(library.locator('li.card')).toHaveCount(1);
});

test('export Markdown/CSV/JSON, delete all data, import the JSON: the same snippet with its note is back, and it survives a restart', async ({ profileDir, origin }) => {
  let { context, worker, extensionId: id } = await openBrowser(profileDir);
  const url = `${origin}/seed/004.html`;
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await waitForTabId(worker, url);
  await selectOnPage(page, { within: 'article', minLength: 60 });
  await saveSelectionInSidebar(context, id, tabId);
  const library = await context.newPage();
  await library.goto(`chrome-extension://${id}/library.html`);
  await library.getByLabel('Note').fill('=SUM(1,2) for the counselor');
  await library.getByRole('button', { name: 'Save changes' }).click();
  await expect(library.getByText('Saved', { exact: true })).toBeVisible();
  const quote = (await library.locator('li.card blockquote').textContent())!;

  const read = async (button: string) => {
    const download = library.waitForEvent('download');
    await library.getByRole('button', { name: button }).click();
    return (await import('node:fs/promises')).readFile((await (await download).path())!, 'utf8');
  };
  const markdown = await read('Export (Markdown)');
  expect(markdown.replace(/\\(.)/g, '$1')).toContain(`> ${quote}`);
  expect(markdown).toMatch(/\.\* \(n\.d\.\)\. 127\.0\.0\.1\. Retrieved [A-Z][a-z]+ \d{1,2}, \d{4}, from <http:\/\/127\.0\.0\.1:\d+\/seed\/004\.html>\n\nOpen at the quote: <http:\/\/127\.0\.0\.1:\d+\/seed\/004\.html#:~:text=/);
  const csv = await read('Export (CSV)');
  expect(csv.split('\r\n')[0]).toBe('quote,note,tags,title,url,site,saved,topics,link,citation');
  expect(csv).toContain("'=SUM(1,2) for the counselor"); // neutralised formula
  const json = await read('Export (JSON)');
  const file = { name: 'snippets.json', mimeType: 'application/json', buffer: Buffer.from(json) };

  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.getByRole('button', { name: 'Delete all my data…' }).click();
  await options.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(options.getByText('All your data was deleted.')).toBeVisible();
  await library.reload();
  await expect(library.locator('li.card')).toHaveCount(0);
  await library.getByLabel('Import a snippet file').setInputFiles(file);
  await expect(library.getByText('Imported 1 snippets (0 already here).')).toBeVisible();
  await expect(library.getByLabel('Note')).toHaveValue('=SUM(1,2) for the counselor');
  await context.close();

  ({ context, worker, extensionId: id } = await openBrowser(profileDir));
  const again = await context.newPage();
  await again.goto(`chrome-extension://${id}/library.html`);
  await expect(again.locator('li.card blockquote')).toHaveText(quote);
  await context.close();
});
