import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os'; import { join } from 'node:path';
import { launchWithExtension } from './tools/launch';
import { startDemoServer } from './tools/demo-server';
const server = await startDemoServer();
const dir = mkdtempSync(join(tmpdir(), 'p-'));
if (process.env.BLOCK) { mkdirSync(join(dir, 'Default'));
writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 1, block_third_party_cookies: true } })); }
const ctx = await launchWithExtension(dir);
const sw = ctx.serviceWorkers()[0] ?? await ctx.waitForEvent('serviceworker');
const page = await ctx.newPage();
await page.goto(`${server.origin}/seed/001.html`);
await page.waitForFunction(() => document.querySelector('second-chance-notice')?.shadowRoot?.querySelector('.box'));
const tabId = await sw.evaluate(async (u) => (await (globalThis as any).chrome.tabs.query({})).find((t: any) => t.url === u)?.id, page.url());
console.log('tab', tabId);
await sw.evaluate(async (id) => (globalThis as any).chrome.sidePanel.setOptions({ enabled: false }), tabId);
await page.locator('second-chance-notice').getByRole('button', { name: 'Evidence and help' }).click();
const t0 = Date.now();
for (let i = 0; i < 30; i++) {
  await page.waitForTimeout(300);
  const f = page.frames()[1];
  if (!f) { console.log('no frame', page.frames().length); continue; }
  const txt = await f.evaluate(() => document.body?.innerText ?? '').catch(e => 'ERR ' + e.message);
  console.log(Date.now() - t0, /What the research says/.test(txt), /Helplines/.test(txt), /Call 911/.test(txt));
  if (/What the research says/.test(txt) && /Helplines/.test(txt)) break;
}
await page.screenshot({ path: '/tmp/ffprobe/cr-docked.png' });
await ctx.close(); await server.close();
