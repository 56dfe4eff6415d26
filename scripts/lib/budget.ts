import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The content script runs on every page: zod, Dexie or Preact leaking into it would show here. */
export const CONTENT_SCRIPT_BUDGET = 30 * 1024;

/** Checks the built (minified) content script of each output folder against the budget. */
export function contentScriptWithinBudget(outputs = ['.output/chrome-mv3', '.output/firefox-mv2']): boolean {
  let ok = true;
  for (const dir of outputs) {
    const file = join(dir, 'content-scripts/content.js');
    const bytes = existsSync(file) ? statSync(file).size : Infinity;
    const within = bytes <= CONTENT_SCRIPT_BUDGET;
    console.log(`content script ${file}: ${(bytes / 1024).toFixed(1)} KB (budget ${CONTENT_SCRIPT_BUDGET / 1024} KB)${within ? '' : ' OVER BUDGET'}`);
    ok &&= within;
  }
  return ok;
}
