/**
 * A channel between two realms as a call map (Hypothesis's `port-rpc-calls` shape): each call's
 * payload and the reply its receiver declares, with a doc line where the map is written.
 * Messages travel flat, `{ type, ...payload }`.
 */
export type CallMap = Record<string, { payload: object; reply: unknown }>;

/** One message of the channel (all of them when `K` is left out). */
export type Call<M extends CallMap, K extends keyof M = keyof M> = { [P in K]: { type: P } & M[P]['payload'] }[K];

/** The reply the receiver of call `K` declares. */
export type ReplyTo<M extends CallMap, K extends keyof M> = M[K]['reply'];

/** The receiving side: one function per call, so the call names are written once, in the map. */
export type Receivers<M extends CallMap, Context> = { [K in keyof M]: (call: Call<M, K>, context: Context) => M[K]['reply'] };

/**
 * Answer a message when it is one of this channel's calls; undefined for anything else (another
 * channel's message shares the same runtime.onMessage).
 */
export function receive<M extends CallMap, Context>(receivers: Receivers<M, Context>, message: unknown, context: Context): { reply: unknown } | undefined {
  if (typeof message !== 'object' || message === null || !('type' in message)) return undefined;
  const { type } = message;
  if (typeof type !== 'string' || !Object.hasOwn(receivers, type)) return undefined;
  const run = receivers[type] as (call: unknown, context: Context) => unknown;
  return { reply: run(message, context) };
}

/** Whether a message is one of these calls (for listeners that only react to some channel). */
export function isCall<M extends CallMap, K extends keyof M & string>(message: unknown, ...types: K[]): message is Call<M, K> {
  if (typeof message !== 'object' || message === null || !('type' in message)) return false;
  return (types as unknown[]).includes(message.type);
}

/** A property of a reply from another realm, read without trusting the reply's shape. */
export function fieldOf(reply: unknown, key: string): unknown {
  return typeof reply === 'object' && reply !== null && Object.hasOwn(reply, key) ? Reflect.get(reply, key) : undefined;
}
