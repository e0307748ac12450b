/**
 * The clients of `BENCH=fanout` (bench/fanout.ts), in a child process: raw ws sockets speaking
 * graphql-transport-ws (connection_init, one subscribe each), which note when each `next` arrives
 * and tell the parent, per event number, when the last of them had it. Kept minimal (no graphql-ws
 * client) so that the clients' own cost is small and the same whatever the server does.
 */
import WebSocket from 'ws';

const now = (): number => performance.timeOrigin + performance.now();
const [url, countText] = process.argv.slice(2);
const count = Number(countText);
const seen = new Map<number, { got: number; last: number }>();
const sockets: WebSocket[] = [];

function open(): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url!, 'graphql-transport-ws');
    sockets.push(socket);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('error', reject);
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; payload?: { data?: { n?: number } } };
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { tick }' } }));
        // The server answers nothing to a subscribe: the parent waits for every socket's subscription below.
        setTimeout(resolve, 0);
      } else if (message.type === 'next') {
        const n = message.payload?.data?.n ?? -1;
        const entry = seen.get(n) ?? { got: 0, last: 0 };
        entry.got += 1;
        entry.last = now();
        seen.set(n, entry);
        if (entry.got === count) process.send?.({ type: 'all', n, last: entry.last });
      }
    });
  });
}

for (let i = 0; i < count; i += 1) await open();
process.send?.({ type: 'opened' });
process.on('message', (message: { type: string }) => {
  if (message.type === 'close') {
    for (const socket of sockets) socket.close();
    setTimeout(() => process.exit(0), 200);
  }
});
process.on('disconnect', () => process.exit(0));
