import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

interface RequestScope {
  requestId: string;
  /** SQL statements run for this request; reported in the Server-Timing header. */
  sqlQueries: number;
}
const scope = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` with a request id that every log line written inside it carries. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return scope.run({ requestId, sqlQueries: 0 }, fn);
}

/** Takes the id the router gave this request (once the request proved it came from the router). */
export function adoptRequestId(requestId: string): void {
  const store = scope.getStore();
  if (store) store.requestId = requestId;
}

export function countSqlQuery(): void {
  const store = scope.getStore();
  if (store) store.sqlQueries += 1;
}

export function sqlQueriesInRequest(): number {
  return scope.getStore()?.sqlQueries ?? 0;
}

export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

/** `fields` go on every line too (the router's worker: which of its processes wrote it). */
export function createLogger(service: string, level: LevelWithSilent = 'info', fields: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { service, ...fields },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    redact: { paths: ['password', '*.password', 'refreshToken', '*.refreshToken', 'authorization'], censor: '[redacted]' },
  });
}
