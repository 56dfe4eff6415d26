import type { TabCalls } from '../messaging/protocol';
import { receive, type Receivers } from '../shared/calls';
import { removeTraces } from './traces';

/** Per-page state of the content script. */
export interface PageState {
  /** The reader closed the notice: do not show it again on this page view. */
  dismissed?: boolean;
  /** Quick-hide: show nothing and report nothing until the page is reloaded. */
  hidden?: boolean;
}

/** The content script's side of TabCalls (only the extension can message a content script; the page cannot). */
const receivers: Receivers<TabCalls, { doc: Document; state: PageState }> = {
  hideAll(_call, { doc, state }) {
    state.hidden = true;
    removeTraces(doc);
    return { done: true };
  },
};

/** Answer a command from the background; undefined for anything that is not one. */
export function runCommand(doc: Document, message: unknown, state: PageState): { reply: unknown } | undefined {
  return receive(receivers, message, { doc, state });
}
