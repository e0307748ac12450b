import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { eventually } from './events.ts';
import { testEnv } from './provided.ts';

export interface LiveResult<TData> {
  data?: TData | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface LiveSubscription<TData> {
  /** The next result, or a rejection after `timeoutMs`. */
  next(timeoutMs?: number): Promise<LiveResult<TData>>;
  /** Errors the server sent instead of a stream (a refused subscription). */
  readonly refused: Promise<readonly { message: string; extensions?: Record<string, unknown> }[]>;
  /** The socket's close code, once it closes. */
  readonly closed: Promise<number>;
  /**
   * Resolves once the router acknowledged the connection and the subscription is on its way: a
   * subscription sees events from then on, so publish only after this.
   */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/** A real graphql-ws client on a real socket, as a browser page or an IDE would open one. */
export function subscribeLive<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; connectionParams?: Record<string, unknown> } = {},
): LiveSubscription<TData> {
  const results: LiveResult<TData>[] = [];
  const waiting: ((r: LiveResult<TData>) => void)[] = [];
  let resolveRefused: (e: readonly { message: string; extensions?: Record<string, unknown> }[]) => void = () => {};
  let resolveClosed: (code: number) => void = () => {};
  const refused = new Promise<readonly { message: string; extensions?: Record<string, unknown> }[]>((r) => (resolveRefused = r));
  const closed = new Promise<number>((r) => (resolveClosed = r));
  let resolveConnected: () => void = () => {};
  const connected = new Promise<void>((r) => (resolveConnected = r));
  const client: Client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: options.connectionParams ?? (options.token ? { authorization: `Bearer ${options.token}` } : {}),
    on: { closed: (event) => resolveClosed((event as { code: number }).code), connected: () => resolveConnected() },
  });
  client.subscribe<TData>(
    { query, variables },
    {
      next: (result) => {
        const value = result as LiveResult<TData>;
        const wake = waiting.shift();
        if (wake) wake(value);
        else results.push(value);
      },
      error: (error) => {
        if (Array.isArray(error)) resolveRefused(error as { message: string; extensions?: Record<string, unknown> }[]);
        else resolveRefused([{ message: String((error as { reason?: string }).reason ?? error) }]);
      },
      complete: () => undefined,
    },
  );
  return {
    next: (timeoutMs = 10_000) => {
      const ready = results.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no subscription result within ${timeoutMs} ms`)), timeoutMs);
        waiting.push((r) => {
          clearTimeout(timer);
          resolve(r);
        });
      });
    },
    refused,
    closed,
    // The subscribe message follows the acknowledgement on the same socket; a moment covers its handling.
    ready: connected.then(() => new Promise((r) => setTimeout(r, 100))),
    close: async () => {
      await client.dispose();
    },
  };
}

/** The router reads events from the moment its consumer joined its group: wait for that (its readiness). */
export async function whenSubscriptionsLive(routerUrl = testEnv().routerUrl): Promise<void> {
  const readyz = routerUrl.replace(/\/graphql$/, '/readyz');
  await eventually(
    async () => {
      const body = (await (await fetch(readyz)).json()) as { checks?: Record<string, string> };
      return body.checks?.['subscriptions'] === 'ok' ? true : undefined;
    },
    { timeoutMs: 50_000 },
  );
}
