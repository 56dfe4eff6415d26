import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runCommand, type PageState } from '../src/content/commands';
import { analyzeAndNotify } from '../src/content/controller';
import { removeTraces } from '../src/content/traces';
import { watchForChanges } from '../src/content/watch';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    const marker = '__secondChanceLoaded';
    const flags = globalThis as unknown as Record<string, boolean>;
    if (flags[marker]) return; // injected twice (extension reload): keep the first
    flags[marker] = true;
    const state: PageState = {};
    const run = () => void analyzeAndNotify(document, state);
    const idle = globalThis.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 1));
    // Copies of our elements saved with the page ("Save Page As") are not ours to keep. Removed in
    // an idle task, not while the script starts: scanning a very large page takes a while.
    idle(() => removeTraces(document), { timeout: 2000 });
    idle(run, { timeout: 2000 });
    watchForChanges(document, () => idle(run, { timeout: 2000 }));
    browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      const answer = runCommand(document, message, state);
      if (answer) sendResponse(answer.reply);
    });
  },
});
