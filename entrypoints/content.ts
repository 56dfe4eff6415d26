import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runCommand } from '../src/page/commands';
import { analyzeAndNotify } from '../src/page/controller';
import { DOCK_TAG } from '../src/page/docked-sidebar';
import { hideMatches } from '../src/page/highlight-matches';
import { NOTICE_TAG } from '../src/page/notice';
import { watchForChanges } from '../src/page/watch';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    const marker = '__secondChanceLoaded';
    const flags = globalThis as unknown as Record<string, boolean>;
    if (flags[marker]) return; // injected twice (extension reload): keep the first
    flags[marker] = true;
    // Copies of our elements saved with the page ("Save Page As") are not ours to keep.
    for (const stale of document.querySelectorAll(`${NOTICE_TAG}, ${DOCK_TAG}`)) stale.remove();
    hideMatches(document);

    const state = {};
    const run = () => void analyzeAndNotify(document, state);
    const idle = globalThis.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 1));
    idle(run, { timeout: 2000 });
    watchForChanges(document, () => idle(run, { timeout: 2000 }));
    browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      const reply = runCommand(document, message);
      if (reply) sendResponse(reply);
    });
  },
});
