import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runToolCommand } from '../src/page-tool/page-tool';

export default defineUnlistedScript(() => {
  const flags = globalThis as unknown as Record<string, boolean>;
  if (flags.__secondChancePageTool) return; // injected again into the same page: keep one listener
  flags.__secondChancePageTool = true;
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const answer = runToolCommand(document, message);
    if (!answer) return;
    // Some commands answer after yielding to the page (a promise).
    void Promise.resolve(answer.reply).then(sendResponse, () => sendResponse(undefined));
    return true;
  });
});
