/**
 * "Caught up and reading new events": a flag a background consumer raises (and may drop), that
 * start-up can wait for with a bound and readiness can report.
 */
export interface LiveSignal {
  readonly live: boolean;
  /** Raises the flag and wakes everyone waiting; true if it was down. */
  raise(): boolean;
  drop(): void;
  /** Resolves with `live` as soon as it is, or after `timeoutMs`. */
  whenLive(timeoutMs: number): Promise<boolean>;
  /** A readiness check: throws `notLive` until live. */
  readiness(): Promise<true>;
}

export function liveSignal(notLive: string): LiveSignal {
  let live = false;
  const waiters = new Set<() => void>();
  return {
    get live() {
      return live;
    },
    raise() {
      if (live) return false;
      live = true;
      for (const wake of waiters) wake();
      waiters.clear();
      return true;
    },
    drop() {
      live = false;
    },
    whenLive(timeoutMs) {
      if (live) return Promise.resolve(true);
      return new Promise((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          resolve(live);
        }, timeoutMs);
        waiters.add(wake);
      });
    },
    async readiness() {
      if (!live) throw new Error(notLive);
      return true;
    },
  };
}
