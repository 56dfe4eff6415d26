import { writeFileSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';
import { expect, noticeText, test as base, waitForTabId } from './fixtures';
import { openBrowserWithPort, openRealPopup, reachExtensionPage, waitForSidePanels } from './real-surfaces';

/** The window's first tab, in front: the tab the toolbar popup and the side panel are about. */
async function firstTab(context: BrowserContext) {
  const page = context.pages().find((p) => !p.url().startsWith('chrome-extension:')) ?? (await context.newPage());
  await page.bringToFront();
  return page;
}

/** A browser with a DevTools port (closed after the test, pass or fail). */
const test = base.extend<{ surfaces: Awaited<ReturnType<typeof openBrowserWithPort>> }>({
  surfaces: async ({ profileDir }, use) => {
    const opened = await openBrowserWithPort(profileDir);
    await use(opened);
    await opened.context.close();
  },
});

// Each test starts its own browser (some twice); a loaded machine needs more than the default.
test.describe.configure({ timeout: 120_000 });

// These tests open the popup and the side panel the way the browser draws them for a user (the
// toolbar popup via chrome.action.openPopup(), the side panel via a real click), not in a tab.
// popup.spec.ts renders the same page in a tab: that is a component test.

test('the real toolbar popup is wide enough: call link on one line at the top, steps 1-6 in the first screen, no sideways scroll', async ({ surfaces: { context, worker, cdpUrl }, origin }) => {
  const page = await firstTab(context);
  await page.goto(`${origin}/seed/001.html`);
  const { page: popup, remote } = await openRealPopup(worker, cdpUrl);
  await expect(popup.locator('main a[href^="tel:"]').first()).toBeVisible();
  await expect(popup.locator('ol.steps > li')).toHaveCount(6);
  const m = await popup.evaluate(() => {
    const link = document.querySelector('main a[href^="tel:"]') as HTMLElement;
    const items = [...document.querySelectorAll('ol.steps > li')].map((li) => li.getBoundingClientRect().bottom);
    return {
      width: innerWidth,
      height: innerHeight,
      scrollWidth: document.documentElement.scrollWidth,
      linkTop: link.getBoundingClientRect().top,
      linkRects: link.getClientRects().length,
      firstLinkText: (document.querySelector('main a') as HTMLElement).textContent,
      lastStepBottom: Math.max(...items),
    };
  });
  await popup.screenshot({ path: 'artifacts/real-popup-chromium.png' });
  writeFileSync('artifacts/real-popup-chromium.json', JSON.stringify({ ...m, scrollHeight: await popup.evaluate(() => document.documentElement.scrollHeight) }));
  expect(m.width).toBeGreaterThanOrEqual(320);
  expect(m.scrollWidth).toBeLessThanOrEqual(m.width);
  expect(m.firstLinkText).toBe('Possible overdose? Call 911');
  expect(m.linkTop).toBeLessThan(40);
  // One line box: padding included, the link's own text occupies a single line.
  expect(m.linkRects).toBe(1);
  expect(await popup.evaluate(() => {
    const a = document.querySelector('main a[href^="tel:"]')!;
    const range = document.createRange();
    range.selectNodeContents(a);
    return range.getClientRects().length;
  })).toBe(1);
  expect(m.lastStepBottom).toBeLessThanOrEqual(m.height);
  // Sources are a tap away: a disclosure that opens to links for every step.
  await popup.getByText('Sources for these steps').click();
  await expect(popup.getByRole('link', { name: /^Step 1, source 1: / })).toHaveAttribute('href', /^https:\/\//);
  await remote.close();
});

test('every command the manifest declares has a key the browser really registered', async ({ worker }) => {
  const commands = await worker.evaluate(() => chrome.commands.getAll());
  const declared = await worker.evaluate(() => Object.keys(chrome.runtime.getManifest().commands ?? {}));
  expect(commands.map((c) => c.name).sort()).toEqual(declared.sort());
  for (const command of commands) expect(command.shortcut, command.name).not.toBe('');
  expect(commands.find((c) => c.name === '_execute_action')?.shortcut).toBe('Alt+Shift+O');
});

test('the real popup names the shortcuts the browser registered and links to the shortcut page', async ({ surfaces: { context, worker, cdpUrl }, origin }) => {
  const page = await firstTab(context);
  await page.goto(`${origin}/seed/001.html`);
  const { page: popup, remote } = await openRealPopup(worker, cdpUrl);
  await expect(popup.getByText('Alt+Shift+O opens this window')).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Change shortcuts' })).toBeVisible();
  await remote.close();
});

test('quick-hide from the real popup closes the real side panel', async ({ surfaces: { context, worker, cdpUrl }, origin }) => {
  const page = await firstTab(context);
  await page.goto(`${origin}/seed/000.html`);
  await waitForTabId(worker, page.url());
  await expect.poll(() => noticeText(page)).toContain('overdose');
  let { page: popup, remote } = await openRealPopup(worker, cdpUrl);
  await popup.getByRole('button', { name: 'Open sidebar for this page' }).click();
  await waitForSidePanels(worker, 1);
  const { page: panel, remote: panelRemote } = await reachExtensionPage(cdpUrl, '/sidepanel.html');
  // The panel is about the page the reader was on: its topics show.
  await expect(panel.getByText(/^This page discusses:/)).toContainText('overdose');
  await panel.screenshot({ path: 'artifacts/real-sidepanel-chromium.png' });
  await panelRemote.close();
  await remote.close();

  ({ page: popup, remote } = await openRealPopup(worker, cdpUrl));
  await popup.getByRole('button', { name: 'Hide everything on this page' }).click();
  await waitForSidePanels(worker, 0);
  await expect.poll(() => noticeText(page)).toBeNull();
  await remote.close().catch(() => undefined);
});

test('"Full guide in the sidebar" in the real popup opens the real side panel at the overdose guide', async ({ surfaces: { context, worker, cdpUrl }, origin }) => {
  const page = await firstTab(context);
  // A page about tough love and treatment only: the overdose guide is not among its cards.
  await page.goto(`${origin}/seed/002.html`);
  await waitForTabId(worker, page.url());
  const { page: popup, remote } = await openRealPopup(worker, cdpUrl);
  await popup.getByRole('button', { name: 'Full guide in the sidebar' }).click();
  await waitForSidePanels(worker, 1);
  const { page: panel, remote: panelRemote } = await reachExtensionPage(cdpUrl, '/sidepanel.html');
  const guide = panel.getByRole('heading', { name: 'How to respond to an opioid overdose' });
  await expect(guide).toBeFocused();
  await expect(guide).toBeInViewport();
  await panel.screenshot({ path: 'artifacts/real-sidepanel-guide-chromium.png' });
  await panelRemote.close();
  await remote.close().catch(() => undefined);
});
