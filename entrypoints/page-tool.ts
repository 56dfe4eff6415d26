import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { ToolCommand } from '../src/messaging/protocol';
import { runToolCommand } from '../src/page-tool/page-tool';

export default defineUnlistedScript(() => {
  const flags = globalThis as unknown as Record<string, boolean>;
  if (flags.__secondChancePageTool) return; // injected again into the same page: keep one listener
  flags.__secondChancePageTool = true;
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const command = message as ToolCommand;
    if (!['highlight', 'captureSelection', 'showSnippets', 'hideSnippets'].includes(command?.type)) return;
    void Promise.resolve(runToolCommand(document, command)).then(sendResponse, () => sendResponse(undefined));
    return true; // some commands answer after yielding to the page
  });
});
