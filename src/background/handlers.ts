import { parseMessage, type MessageType, type Result, type Results } from '../messaging/protocol';
import type { BackgroundDeps, Sender } from './deps';
import { ROUTES, type Route } from './routes';

export type { BackgroundDeps, Sender, TellTool } from './deps';

type Reply = Result<MessageType>;

/**
 * Validate and dispatch one message. Invalid messages are rejected with a logged reason and no
 * effect; a message from the wrong realm (ROUTES says which) is refused before its payload is used.
 */
export function createMessageHandler(deps: BackgroundDeps) {
  /** Nothing escapes: a throw or a rejection becomes an error reply, so the sender is always answered. */
  return function handle(raw: unknown, sender: Sender): Promise<Reply> {
    try {
      return dispatch(raw, sender).catch((error: unknown) => reject(`failed: ${describe(error)}`));
    } catch (error) {
      return reject(`failed: ${describe(error)}`);
    }
  };

  function dispatch(raw: unknown, sender: Sender): Promise<Reply> {
    const parsed = parseMessage(raw);
    if (!parsed.ok) return reject(parsed.error);
    const { type, payload } = parsed.message;
    // One cast for TypeScript's sake: the parsed message's payload belongs to its own type's route.
    const route = ROUTES[type] as Route<MessageType>;
    // Content scripts report the page URL as sender.url; only our own documents have our origin.
    const fromOwnPage = !!sender.url?.startsWith(`${deps.extensionOrigin}/`);
    const tabId = sender.tab?.id;
    const windowId = sender.tab?.windowId;
    const settle = (running: Promise<Results[MessageType]>) =>
      running.then(
        (data): Reply => ({ ok: true, data }),
        (error: unknown) => reject(`${type}: ${describe(error)}`),
      );
    if (route.from === 'extension' && !fromOwnPage) return reject(`${type}: only extension pages may ask`);
    if (route.from === 'tab') {
      if (tabId === undefined) return reject(`${type}: must come from a page`);
      return settle(route.run(payload, { deps, tabId, windowId, sender }));
    }
    return settle(route.run(payload, { deps, tabId, windowId, sender }));
  }
}

/** A short, safe description of anything thrown (its own toString may throw, or be huge). */
function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
  return text.slice(0, 200);
}

function reject(error: string): Promise<Reply> {
  console.warn('[second-chance] rejected message:', error);
  return Promise.resolve({ ok: false, error });
}
