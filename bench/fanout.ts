/**
 * `BENCH=fanout`: the router's fan-out alone, without the system: one event's result to 500
 * subscribed sockets (clients in a child process, bench/fanout-clients.ts), sent either as
 * graphql-ws sends it (a push-fed iterator of results: graphql-ws serialises the result once per
 * socket and awaits each send) or as the router sends it since next-stream.ts (the result
 * serialised once, each socket's `next` written straight on it). The modes alternate on the same
 * box, so load moves both alike. Per event: from the send to the last socket having it, and the
 * server's CPU per delivered message. Needs no running system.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, type ExecutionResult } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { nextStream } from '../router/src/subscriptions/next-stream.ts';
import { loadAverage } from './proc.ts';
import { summarize } from './stats.ts';

type Mode = 'graphql-ws' | 'serialised once';
/** What bench/subscriptions.ts's selection reads, as a result. */
const resultOf = (n: number): ExecutionResult => ({
  data: {
    n,
    appointmentChanged: {
      action: 'REQUESTED',
      appointment: {
        id: 'd6c1f8a4-8f3e-4d7b-9a51-2c0b7e3f4a10',
        status: 'REQUESTED',
        doctor: { name: 'José Müller' },
        service: { name: 'General consultation' },
      },
    },
  },
});

/** graphql-ws's own path: an async iterator it pulls results from, one send awaited at a time. */
function pushed(): { iterator: AsyncIterableIterator<ExecutionResult>; push(r: ExecutionResult): void } {
  const queued: ExecutionResult[] = [];
  let waiting: ((r: IteratorResult<ExecutionResult>) => void) | undefined;
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => (queued.length > 0 ? Promise.resolve({ value: queued.shift()!, done: false }) : new Promise((resolve) => (waiting = resolve))),
    return: () => Promise.resolve({ value: undefined, done: true }),
  };
  return {
    iterator,
    push(result) {
      const wake = waiting;
      waiting = undefined;
      if (wake) wake({ value: result, done: false });
      else queued.push(result);
    },
  };
}

export async function fanout(options: { sockets: number; events: number; rounds: number }): Promise<void> {
  const schema = buildSchema('type Query { x: Int } type Subscription { tick: Int }');
  const document = parse('subscription { tick }');
  const http = createServer();
  const wss = new WebSocketServer({ server: http, path: '/graphql' });
  let mode: Mode = 'graphql-ws';
  // One of the two per member, by the mode it subscribed in.
  let pushes: ((result: ExecutionResult) => void)[] = [];
  let sends: ((json: string) => void)[] = [];
  let subscribed = 0;
  useServer<Record<string, unknown>, { socket: WebSocket }>(
    {
      onSubscribe: (ctx, id) => ({ schema, document, contextValue: { socket: ctx.extra.socket, id } }),
      subscribe: (args) => {
        const { socket, id } = args.contextValue as { socket: WebSocket; id: string };
        subscribed += 1;
        if (mode === 'graphql-ws') {
          const feed = pushed();
          pushes.push(feed.push);
          return feed.iterator;
        }
        const stream = nextStream(
          socket,
          id,
          () => socket.close(4413),
          () => undefined,
        );
        sends.push(stream.send);
        return stream.iterator;
      },
    },
    wss,
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  const script = fileURLToPath(new URL('./fanout-clients.ts', import.meta.url));

  const results = new Map<Mode, { last: number[]; cpuPerMessageUs: number[] }>();
  for (let round = 0; round < options.rounds; round += 1) {
    for (const current of ['graphql-ws', 'serialised once'] as const) {
      mode = current;
      pushes = [];
      sends = [];
      subscribed = 0;
      const child: ChildProcess = fork(script, [url, String(options.sockets)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
      const replies: ((m: { type: string; n?: number; last?: number }) => void)[] = [];
      child.on('message', (m: { type: string; n?: number; last?: number }) => replies.shift()?.(m));
      const reply = () => new Promise<{ type: string; n?: number; last?: number }>((resolve) => replies.push(resolve));
      await reply();
      while (subscribed < options.sockets) await new Promise((r) => setTimeout(r, 10));
      const entry = results.get(current) ?? { last: [], cpuPerMessageUs: [] };
      results.set(current, entry);
      for (let n = 0; n < options.events + 3; n += 1) {
        await new Promise((r) => setTimeout(r, 30));
        const cpu = process.cpuUsage();
        const sentAt = performance.timeOrigin + performance.now();
        const arrived = reply();
        const result = resultOf(n);
        for (const push of pushes) push(result);
        if (sends.length > 0) {
          // As group-reading.ts does: serialised once for the group.
          const json = JSON.stringify(result);
          for (const send of sends) send(json);
        }
        const { last } = await arrived;
        const used = process.cpuUsage(cpu);
        if (n < 3) continue; // warm-up
        entry.last.push(last! - sentAt);
        entry.cpuPerMessageUs.push((used.user + used.system) / options.sockets);
      }
      child.send({ type: 'close' });
      await new Promise((r) => child.once('exit', r));
    }
  }
  console.log(`fan-out of one result to ${options.sockets} sockets, ${options.rounds} × ${options.events} events per mode (load ${loadAverage().toFixed(1)}):`);
  for (const [name, { last, cpuPerMessageUs }] of results) {
    const l = summarize(last);
    const c = summarize(cpuPerMessageUs);
    console.log(
      `  ${name}: send → last socket p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms; server CPU per message p50 ${c.p50.toFixed(1)} µs, p99 ${c.p99.toFixed(1)} µs`,
    );
  }
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  http.close();
}
