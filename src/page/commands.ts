import type { TabCommand } from '../messaging/protocol';
import { hideMatches, showMatches } from './highlight-matches';

/**
 * Commands from the background (only the extension can message a content script; the page cannot).
 * Returns the reply, or undefined for anything that is not a command.
 */
export function runCommand(doc: Document, message: unknown): { done: boolean } | undefined {
  const command = message as TabCommand;
  if (command?.type !== 'highlight' || typeof command.on !== 'boolean') return undefined;
  if (command.on) return { done: showMatches(doc) > 0 };
  hideMatches(doc);
  return { done: true };
}
