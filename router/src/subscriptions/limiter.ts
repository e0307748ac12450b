/**
 * A cap on tasks in flight (event readings), so a burst of events never starves HTTP traffic.
 * Beyond `maxWaiting` queued tasks a new one is dropped: it resolves to undefined without running.
 */
export function limiter(max: number, maxWaiting: number): <T>(task: () => Promise<T>) => Promise<T | undefined> {
  let active = 0;
  const queue: (() => void)[] = [];
  return async (task) => {
    if (active >= max) {
      if (queue.length >= maxWaiting) return undefined;
      await new Promise<void>((resolve) => queue.push(resolve));
    }
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      queue.shift()?.();
    }
  };
}
