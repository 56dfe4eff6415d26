/**
 * `npm start`: build the Chrome extension, serve the demo pages on 127.0.0.1 and open Chromium
 * with the extension loaded. Without a display, run headless instead: visit the demo pages,
 * save screenshots to artifacts/, print their paths and the unpacked build's path, and exit 0.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SEED_IDS, startDemoServer } from '../tools/demo-server';
import { closeWelcome, EXTENSION_PATH as EXTENSION, launchWithExtension } from '../tools/launch';
import { ensureBrowsers, run } from './lib/run';

const ARTIFACTS = resolve('artifacts');

if (!ensureBrowsers({ chromium: true, firefox: false })) process.exit(1);
if (!run('npx', ['wxt', 'build'])) process.exit(1);

const server = await startDemoServer(Number(process.env.PORT ?? 0));
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const context = await launchWithExtension(mkdtempSync(join(tmpdir(), 'second-chance-demo-')), { headless, viewport: { width: 1200, height: 800 } });
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
console.log(`\nDemo pages: ${server.origin}/\nUnpacked extension: ${EXTENSION}`);

if (!headless) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.origin}/`);
  console.log('Chromium is open with Second Chance loaded. Close the browser window to stop.');
  await new Promise<void>((done) => context.on('close', () => done()));
  await server.close();
  process.exit(0);
}

// Headless: the first-run page (opened by the install) would push the demo tabs to the background.
await closeWelcome(context);
mkdirSync(ARTIFACTS, { recursive: true });
const shots: string[] = [];
const shoot = async (page: import('@playwright/test').Page, name: string) => {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  shots.push(path);
};
const tabIdOf = (url: string) =>
  worker.evaluate(async (pageUrl) => {
    const items = await chrome.storage.session.get(null);
    const hit = Object.entries(items).find(([, v]) => (v as { url?: string }).url === pageUrl);
    return hit ? Number(hit[0].slice(4)) : undefined;
  }, url);

const index = await context.newPage();
await index.goto(`${server.origin}/`);
for (const id of SEED_IDS) {
  const page = await context.newPage();
  const url = `${server.origin}/seed/${id}.html`;
  await page.goto(url);
  await page.locator('second-chance-notice').waitFor({ timeout: 10_000 }).catch(() => undefined);
  if (id === '000') await shoot(page, 'seed-000-notice');
  if (id === '000' || id === '002') {
    let tabId: number | undefined;
    for (let i = 0; i < 50 && tabId === undefined; i++) {
      tabId = await tabIdOf(url);
      if (tabId === undefined) await page.waitForTimeout(100);
    }
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.waitForLoadState('networkidle');
    await shoot(panel, `sidebar-seed-${id}`);
  }
}
for (const name of ['popup', 'options']) {
  const page = await context.newPage();
  await page.setViewportSize(name === 'popup' ? { width: 380, height: 600 } : { width: 900, height: 800 });
  await page.goto(`chrome-extension://${extensionId}/${name}.html`);
  await page.waitForLoadState('networkidle');
  await shoot(page, name);
}
await context.close();
await server.close();
console.log(`\nNo display found: ran headless.\nScreenshots:\n${shots.map((s) => `  ${s}`).join('\n')}\nUnpacked extension (load it in chrome://extensions → Load unpacked): ${EXTENSION}`);
process.exit(0);
