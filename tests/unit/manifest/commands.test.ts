import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';

type Manifest = { commands: Record<string, { suggested_key?: { default?: string }; description?: string }> };
const manifestFor = (browser: 'chrome' | 'firefox', manifestVersion: 2 | 3) =>
  (config.manifest as (env: { browser: string; manifestVersion: number; mode: string; command: string }) => Manifest)({
    browser,
    manifestVersion,
    mode: 'production',
    command: 'build',
  });
const messages = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, unknown>;

// Alt+Shift keys Chromium 150 declines to register for an extension (measured with
// commands.getAll() on a throwaway extension; the e2e test checks the real build in Chromium).
const CHROMIUM_REFUSES = ['Alt+Shift+A', 'Alt+Shift+N', 'Alt+Shift+P', 'Alt+Shift+T', 'Alt+Shift+W', 'Alt+Shift+X', 'Alt+Shift+Z'];

describe('keyboard commands in the manifest', () => {
  it('names the popup command the way each browser understands it', () => {
    expect(Object.keys(manifestFor('chrome', 3).commands)).toContain('_execute_action');
    expect(Object.keys(manifestFor('chrome', 3).commands)).not.toContain('_execute_browser_action');
    // Firefox MV2: `_execute_action` would be a plain command that opens nothing.
    expect(Object.keys(manifestFor('firefox', 2).commands)).toContain('_execute_browser_action');
    expect(Object.keys(manifestFor('firefox', 2).commands)).not.toContain('_execute_action');
  });

  for (const [browser, version] of [['chrome', 3], ['firefox', 2]] as const) {
    it(`${browser}: at most four suggested keys, distinct, none that Chromium refuses, each described in EN and ES`, () => {
      const commands = Object.values(manifestFor(browser, version).commands);
      const keys = commands.map((c) => c.suggested_key?.default).filter(Boolean);
      expect(keys.length).toBeLessThanOrEqual(4);
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of keys) expect(CHROMIUM_REFUSES).not.toContain(key);
      for (const { description } of commands) {
        const id = description?.match(/^__MSG_(\w+)__$/)?.[1];
        expect(id, description).toBeTruthy();
        expect(messages('en')).toHaveProperty(id!);
        expect(messages('es')).toHaveProperty(id!);
      }
    });
  }
});
