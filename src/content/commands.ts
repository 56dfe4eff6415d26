import type { TabCommand } from '../messaging/protocol';
import { removeTraces } from './traces';

/** Per-page state of the content script. */
export interface PageState {
  /** The reader closed the notice: do not show it again on this page view. */
  dismissed?: boolean;
  /** Quick-hide: show nothing and report nothing until the page is reloaded. */
  hidden?: boolean;
}

/**
 * Commands from the background (only the extension can message a content script; the page cannot).
 * Returns the reply, or undefined for anything that is not a command.
 */
export function runCommand(doc: Document, message: unknown, state: PageState): { done: boolean } | undefined {
  const command = message as TabCommand;
  if (command?.type === 'hideAll') {
    state.hidden = true;
    removeTraces(doc);
    return { done: true };
  }
  return undefined;
}
