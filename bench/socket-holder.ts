/**
 * A child process of the live benches (bench/socket-fleet.ts) that holds its share of the
 * subscribed sockets, so the clients' own work (TLS-free but still JSON and WebSocket frames for
 * thousands of sockets) runs outside the process that books and times. It speaks the public
 * graphql-ws protocol only, like a browser page. Arrival times are wall-clock milliseconds
 * (performance.timeOrigin + now(), sub-millisecond and comparable across processes on one box).
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { HolderReply, HolderRequest } from './socket-fleet.ts';

const clients: Client[] = [];
/** `${appointmentId}:${action}` → arrival times, one per socket that got it. */
const arrivals = new Map<string, number[]>();
const waiters: { key: string; count: number; resolve: () => void }[] = [];
const closes = new Map<number, number>();
let refusals = 0;
let firstRefusal: string | undefined;

const now = (): number => performance.timeOrigin + performance.now();
const send = (reply: HolderReply): void => void process.send?.(reply);

function arrived(key: string): void {
  const times = arrivals.get(key)?.length ?? 0;
  for (let i = waiters.length - 1; i >= 0; i -= 1) {
    const waiter = waiters[i]!;
    if (waiter.key === key && times >= waiter.count) {
      waiters.splice(i, 1);
      waiter.resolve();
    }
  }
}

type Change = { appointmentChanged?: { action?: string; appointment?: { id?: string } } };

/** Opens one socket with one subscription; resolves at connection_ack (or when it fails). */
function open(url: string, query: string, variables: Record<string, unknown>, token: string): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (ok: boolean): void => {
      if (!settled) {
        settled = true;
        resolve(ok);
      }
    };
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${token}` },
      on: {
        connected: () => settle(true),
        closed: (event) => {
          const code = (event as { code?: number }).code ?? 0;
          closes.set(code, (closes.get(code) ?? 0) + 1);
          settle(false);
        },
      },
    });
    clients.push(client);
    client.subscribe<Change>(
      { query, variables },
      {
        next: (result) => {
          const at = now();
          const change = result.data?.appointmentChanged;
          const key = `${change?.appointment?.id ?? '-'}:${change?.action ?? '-'}`;
          const times = arrivals.get(key) ?? [];
          times.push(at);
          arrivals.set(key, times);
          arrived(key);
        },
        error: (error) => {
          refusals += 1;
          firstRefusal ??= JSON.stringify(error).slice(0, 300);
        },
        complete: () => undefined,
      },
    );
  });
}

async function openAll(request: Extract<HolderRequest, { type: 'open' }>): Promise<void> {
  const jobs = request.groups.flatMap((g) => Array.from({ length: g.count }, () => g));
  let next = 0;
  let connected = 0;
  let failed = 0;
  const started = now();
  // A bounded number of handshakes in flight: a burst of thousands would overflow the accept backlog.
  await Promise.all(
    Array.from({ length: Math.min(request.concurrency, jobs.length) }, async () => {
      while (next < jobs.length) {
        const job = jobs[next]!;
        next += 1;
        if (await open(request.url, request.query, job.variables, job.token)) connected += 1;
        else failed += 1;
      }
    }),
  );
  send({
    type: 'opened',
    connected,
    failed,
    ms: now() - started,
    closes: Object.fromEntries(closes),
    refusals,
    firstRefusal,
    rssMiB: process.memoryUsage().rss / 1048576,
  });
}

process.on('message', (message: HolderRequest) => {
  switch (message.type) {
    case 'open':
      void openAll(message);
      break;
    case 'await': {
      const reply = (): void => send({ type: 'arrivals', key: message.key, times: arrivals.get(message.key) ?? [] });
      if ((arrivals.get(message.key)?.length ?? 0) >= message.count) reply();
      else {
        const waiter = { key: message.key, count: message.count, resolve: reply };
        waiters.push(waiter);
        setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) {
            waiters.splice(index, 1);
            reply();
          }
        }, message.timeoutMs);
      }
      break;
    }
    case 'status':
      send({ type: 'status', closes: Object.fromEntries(closes), refusals, firstRefusal, rssMiB: process.memoryUsage().rss / 1048576 });
      break;
    case 'close':
      void Promise.all(clients.map((c) => c.dispose())).finally(() => {
        send({ type: 'closed' });
        process.exit(0);
      });
      break;
  }
});
// The bench died or was stopped: its sockets go with it.
process.on('disconnect', () => process.exit(0));
send({ type: 'started' });
