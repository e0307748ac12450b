import type { Logger } from './logger.ts';

export interface Poller {
  /** Runs a pass soon (new work arrived). */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * Calls `pass` every `intervalMs`, at once when woken, and again without waiting while a pass
 * finds a full batch. One pass at a time; a failing pass is logged and retried at the next tick.
 */
export function startPoller(name: string, options: { intervalMs: number; logger: Logger; pass: () => Promise<{ full: boolean }> }): Poller {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const schedule = (delay: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(run, delay);
  };
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      let full = false;
      try {
        ({ full } = await options.pass());
      } catch (error) {
        options.logger.error({ err: error, worker: name }, `${name}: pass failed; retrying at the next tick`);
      }
      running = null;
      const more = full || again;
      again = false;
      schedule(more ? 0 : options.intervalMs);
    })();
  };
  schedule(0);
  return {
    wake: () => {
      if (running) again = true;
      else schedule(0);
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
