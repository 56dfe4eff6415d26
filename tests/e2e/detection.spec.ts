import { clickNotice, expect, focused, focusInside, hasAccessible, noticeText, SEED_TOPICS, test, waitForTabId } from './fixtures';

test('each seed page shows the notice with its expected topics, and only those', async ({ context, origin }) => {
  const page = await context.newPage();
  for (const [id, topics] of SEED_TOPICS) {
    await page.goto(`${origin}/seed/${id}.html`);
    await expect.poll(() => noticeText(page), { message: `seed ${id}` }).toContain(`This page discusses ${topics.map((topic) => topic.replace('_', ' ')).join(', ')}.`);
  }
});

const HARD_NEGATIVES = ['en-020', 'en-024', 'en-045', 'en-051', 'en-094', 'enx-011', 'es-036'];

test('hard-negative pages (water treatment, sports rehab, iron overdose in kids, digital detox, dog training, enabling JavaScript, dieta detox) show no notice', async ({ context, worker, origin }) => {
  const page = await context.newPage();
  for (const id of HARD_NEGATIVES) {
    const url = `${origin}/corpus/${id}.html`;
    await page.goto(url);
    // Wait until the background has the page's analysis, then check nothing was shown.
    await waitForTabId(worker, url);
    await page.waitForTimeout(200);
    expect(await noticeText(page), id).toBeNull();
  }
});

test('a page whose topic text arrives after load (infinite scroll) gets its notice', async ({ context, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}/pages/infinite-scroll.html`);
  await page.waitForTimeout(1500);
  expect(await noticeText(page)).toBeNull();
  await page.getByRole('button', { name: 'Load more posts' }).click();
  await expect.poll(() => noticeText(page), { timeout: 10_000 }).toContain('This page discusses overdose.');
});

test('the notice is keyboard reachable and dismissable', async ({ context, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}/seed/001.html`);
  await expect.poll(() => noticeText(page)).toContain('overdose');
  // Its root is closed to the page: the browser's accessibility tree is how assistive tech (and this test) see it.
  await expect.poll(() => hasAccessible(page, 'region', 'Second Chance notice')).toBe(true);
  await focusInside(page, 'second-chance-notice', 'Evidence and help');
  expect(await focused(page)).toEqual({ role: 'button', name: 'Evidence and help' });
  await page.keyboard.press('Tab');
  expect(await focused(page)).toEqual({ role: 'button', name: 'Mute this site' });
  await page.keyboard.press('Tab');
  expect(await focused(page)).toEqual({ role: 'button', name: 'Dismiss' });
  await page.keyboard.press('Enter');
  await expect(page.locator('second-chance-notice')).toHaveCount(0);
});

test('muting a site hides the notice there and only there', async ({ context, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}/seed/001.html`);
  await expect.poll(() => noticeText(page)).toContain('overdose');
  await clickNotice(page, 'Mute this site');
  await expect.poll(() => noticeText(page)).toContain('Muted on this site');

  await page.goto(`${origin}/seed/000.html`);
  await page.waitForTimeout(2000);
  expect(await noticeText(page)).toBeNull();

  // Same pages, another site (localhost instead of 127.0.0.1): still noticed.
  const other = origin.replace('127.0.0.1', 'localhost');
  await page.goto(`${other}/seed/000.html`);
  await expect.poll(() => noticeText(page)).toContain('This page discusses');
});

test('a single-page app that swaps its content and URL is read again, and the new URL gets its own analysis', async ({ context, worker, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}/pages/spa.html`);
  await waitForTabId(worker, `${origin}/pages/spa.html`);
  expect(await noticeText(page)).toBeNull();
  await page.getByRole('link', { name: 'Read the story' }).click();
  await expect.poll(() => noticeText(page), { timeout: 10_000 }).toContain('This page discusses overdose.');
  await waitForTabId(worker, `${origin}/pages/spa.html?story=1`);
});
