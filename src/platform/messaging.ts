import { browser, type Runtime } from './browser';
import {
  makeMessage, parseMessage,
  type HandlersFor, type MessagesTo, type ParamsOf, type Receiver, type ResultOf,
} from '../core/messages';

/** Sends a message to the background; resolves with its handler's result. */
export async function sendToBackground<N extends MessagesTo<'background'>>(name: N, params: ParamsOf<N>): Promise<ResultOf<N>> {
  return (await browser.runtime.sendMessage(makeMessage(name, params))) as ResultOf<N>;
}

/** Sends a message to a tab's content script (its top frame unless `frameId` says otherwise). */
export async function sendToTab<N extends MessagesTo<'content'>>(
  tabId: number, name: N, params: ParamsOf<N>, frameId = 0,
): Promise<ResultOf<N>> {
  return (await browser.tabs.sendMessage(tabId, makeMessage(name, params), { frameId })) as ResultOf<N>;
}

/**
 * Answers the messages one part receives. Anything that is not one of ours, or comes from
 * another extension, is ignored (returning undefined lets other listeners answer).
 */
export function handleMessages<R extends Receiver>(
  handlers: HandlersFor<R, Runtime.MessageSender>,
  signal?: AbortSignal,
): void {
  const listener = (raw: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const message = parseMessage(raw);
    if (!message || !Object.hasOwn(handlers, message.name)) return undefined;
    const handler = (handlers as Record<string, (p: unknown, s: Runtime.MessageSender) => unknown>)[message.name];
    return Promise.resolve(handler!(message.params, sender)).then((result) => result ?? null);
  };
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
