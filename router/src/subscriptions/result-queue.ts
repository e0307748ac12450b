import type { ExecutionResult } from 'graphql';

/** Results waiting for one subscriber before it counts as too slow. */
export const MAX_QUEUED_RESULTS = 100;

export interface ResultQueue {
  readonly iterator: AsyncIterableIterator<ExecutionResult>;
  push(result: ExecutionResult): void;
  ended(): boolean;
}

/** A push-fed async iterator with a bounded queue: what graphql-ws pulls a subscription's results from. */
export function resultQueue(onOverflow: () => void, onEnd: () => void): ResultQueue {
  const queued: ExecutionResult[] = [];
  let waiting: ((r: IteratorResult<ExecutionResult>) => void) | undefined;
  let done = false;
  const end = (): IteratorResult<ExecutionResult> => {
    if (!done) {
      done = true;
      onEnd();
    }
    waiting?.({ value: undefined, done: true });
    waiting = undefined;
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => {
      if (queued.length > 0) return Promise.resolve({ value: queued.shift()!, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return: () => Promise.resolve(end()),
    throw: (error: unknown) => Promise.reject(error instanceof Error ? error : new Error(String(error))),
  };
  return {
    iterator,
    ended: () => done,
    push(result) {
      if (done) return;
      if (waiting) {
        const wake = waiting;
        waiting = undefined;
        wake({ value: result, done: false });
      } else if (queued.length >= MAX_QUEUED_RESULTS) {
        end();
        onOverflow();
      } else queued.push(result);
    },
  };
}
