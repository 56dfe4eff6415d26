import { browser } from 'wxt/browser';
import type { MessageType, Payload, Result } from './protocol';

/** Send a message to the background. Never throws: a failure comes back as `{ ok: false }`. */
export async function send<T extends MessageType>(type: T, payload: Payload<T>): Promise<Result<T>> {
  try {
    const reply = (await browser.runtime.sendMessage({ type, payload })) as Result<T> | undefined;
    return reply ?? { ok: false, error: 'no reply' };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}
