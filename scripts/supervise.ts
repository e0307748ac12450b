/**
 * Keeps one service process running: when it exits on its own it is started again after a
 * backoff (1 s, doubling to 30 s; back to 1 s once it has run for a minute), and each exit is
 * logged with its code or signal. One crashed service must not stop the others.
 */
import type { ChildProcess } from 'node:child_process';

export interface SupervisorLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface Supervised {
  /** The process running now (a new one after each restart). */
  current(): ChildProcess;
  /** Restarts so far. */
  restarts(): number;
  /** Stops supervising and ends the process (SIGTERM, SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

export const RESTART_BACKOFF = { firstMs: 1_000, maxMs: 30_000, stableAfterMs: 60_000 };

export function nextBackoff(previousMs: number | undefined, ranForMs: number, policy = RESTART_BACKOFF): number {
  if (previousMs === undefined || ranForMs >= policy.stableAfterMs) return policy.firstMs;
  return Math.min(previousMs * 2, policy.maxMs);
}

export function supervise(name: string, start: () => ChildProcess, log: SupervisorLog, policy = RESTART_BACKOFF): Supervised {
  let child = start();
  let startedAt = Date.now();
  let backoff: number | undefined;
  let restarts = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const watch = (proc: ChildProcess): void => {
    proc.once('exit', (code, signal) => {
      if (stopped) return;
      const ranForMs = Date.now() - startedAt;
      backoff = nextBackoff(backoff, ranForMs, policy);
      log.error(
        { service: name, code, signal, ranForMs, restartInMs: backoff },
        `${name} exited (${signal ? `signal ${signal}` : `code ${code}`}) after ${(ranForMs / 1000).toFixed(1)} s; restarting in ${backoff / 1000} s`,
      );
      timer = setTimeout(() => {
        if (stopped) return;
        restarts += 1;
        child = start();
        startedAt = Date.now();
        log.info({ service: name, restarts }, `${name} restarted`);
        watch(child);
      }, backoff);
    });
  };
  watch(child);

  return {
    current: () => child,
    restarts: () => restarts,
    stop: (graceMs = 15_000) => {
      stopped = true;
      clearTimeout(timer);
      const proc = child;
      if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        const kill = setTimeout(() => proc.kill('SIGKILL'), graceMs);
        proc.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        proc.kill('SIGTERM');
      });
    },
  };
}
