import type { WebSocket } from 'ws';

/** `next` messages of one subscription written but not yet flushed to its socket, before it counts as too slow. */
export const MAX_QUEUED_RESULTS = 100;

export interface NextStream {
  /** What graphql-ws holds as the subscription's results: it yields nothing, and ends when graphql-ws ends it. */
  readonly iterator: AsyncIterableIterator<never>;
  /** One result, serialised once for its whole group (`JSON.stringify` of the ExecutionResult), sent as this subscription's `next`. */
  send(resultJson: string): void;
  ended(): boolean;
}

/**
 * One subscription's `next` messages, written straight on its ws socket.
 *
 * Why not through graphql-ws: 6.4.2 has no way to hand it a result already serialised. Its
 * `emit.next` runs `stringifyMessage({ id, type, payload })` for every subscriber (`onNext` can
 * only swap the payload object, which is then stringified all the same; `jsonMessageReplacer` runs
 * on every key of every message, and Node 20 has no `JSON.rawJSON`), so 500 subscribers of one
 * group cost 500 serialisations of the same result, each behind a few promise hops. Here a group's
 * result is serialised once and each subscriber's message is `head + resultJson + '}'`, the same
 * bytes graphql-ws would send.
 *
 * What stays graphql-ws's, untouched: the socket's protocol state (connection_init, ping/pong,
 * subscribe, error, complete, close codes) and the subscription's lifetime. The iterator returned
 * is what graphql-ws keeps in `ctx.subscriptions[id]`; it never yields, and graphql-ws ends it
 * with `return()` on the client's `complete` or the socket's close, at which point `send` stops
 * writing. So `next` for an id is only ever written while graphql-ws considers the id live, in the
 * order the results came (one writer per id), and graphql-ws's own `complete` comes after them.
 *
 * The bound on a slow consumer is kept as before: graphql-ws waited for each send's callback
 * before taking the next result, so a subscription's results queued up behind a socket that did not
 * drain; now the writes themselves are counted until ws reports them flushed, and one beyond
 * MAX_QUEUED_RESULTS ends the subscription and `onOverflow` closes the socket (4413).
 */
export function nextStream(socket: WebSocket, id: string, onOverflow: () => void, onEnd: () => void): NextStream {
  const head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  let unflushed = 0;
  const flushed = (): void => void (unflushed -= 1);
  let done = false;
  let finish: ((r: IteratorResult<never>) => void) | undefined;
  const end = (): IteratorResult<never> => {
    if (!done) {
      done = true;
      onEnd();
    }
    finish?.({ value: undefined, done: true });
    finish = undefined;
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<never> = {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => (done ? Promise.resolve({ value: undefined, done: true }) : new Promise((resolve) => (finish = resolve))),
    return: () => Promise.resolve(end()),
    throw: (error: unknown) => Promise.reject(error instanceof Error ? error : new Error(String(error))),
  };
  return {
    iterator,
    ended: () => done,
    send(resultJson) {
      // graphql-ws's own send skips a socket that is no longer open the same way.
      if (done || socket.readyState !== socket.OPEN) return;
      if (unflushed >= MAX_QUEUED_RESULTS) {
        end();
        return onOverflow();
      }
      unflushed += 1;
      socket.send(head + resultJson + '}', flushed);
    },
  };
}
