import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from '../../tools/launch';

/** Run a command with inherited output; returns true on exit code 0. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Debian's chromium (and firefox-esr) are needed for the browser tests and `npm start`. As root we
 * install them with apt-get; otherwise we say exactly what to run.
 */
export function ensureBrowsers(packages: { chromium: boolean; firefox: boolean }): boolean {
  const missing = [
    ...(packages.chromium && !existsSync(CHROMIUM) ? ['chromium'] : []),
    ...(packages.firefox && !existsSync(FIREFOX) ? ['firefox-esr'] : []),
  ];
  if (!missing.length) return true;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error(`Missing browser packages. Install them, then run this again:\n  sudo apt-get install -y ${missing.join(' ')}`);
    return false;
  }
  console.log(`Installing ${missing.join(', ')} with apt-get (Debian packages; never a downloaded browser)…`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  return (
    run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], env) ||
    (run('apt-get', ['update'], env) && run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], env))
  );
}
