import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { admitGatewayRequest, createLogger } from '@medappt/platform';
import { subgraphAgent, subgraphFetcher } from '../../src/subgraph-fetcher.ts';

// A plain HTTP server stands in for a subgraph: it counts the sockets the router opens and the
// requests it holds at once, and checks every request's gateway signature as a subgraph does.
const CAP = 4;
const key = randomBytes(32);
const logger = createLogger('router', 'silent');
let server: Server;
let url: string;
const sockets = new Set<unknown>();
let held: { res: ServerResponse; body: string }[] = [];
let mostAtOnce = 0;
let unsigned = 0;
let answer: (req: IncomingMessage, res: ServerResponse, body: string) => void = (_req, res) => json(res, 200, { data: { ok: true } });
// Holds each request until `releaseAt` are in flight, then answers them all: more than the cap at
// once would show as mostAtOnce > CAP (the last, smaller batch is released by count).
let releaseAt = CAP;
let expected = 0;
let answered = 0;

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (!admitGatewayRequest(key, req, body)) unsigned += 1;
      held.push({ res, body });
      mostAtOnce = Math.max(mostAtOnce, held.length);
      if (held.length === Math.min(releaseAt, expected - answered)) {
        // A moment for any request beyond the cap to arrive too (it would, over its own socket).
        setTimeout(() => {
          const batch = held;
          held = [];
          answered += batch.length;
          for (const { res: r, body: b } of batch) answer(req, r, b);
        }, 20);
      }
    });
  });
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  answer = (_req, res) => json(res, 200, { data: { ok: true } });
  releaseAt = CAP;
});

function fetcherWith(agent = subgraphAgent(CAP), timeoutMs = 5_000) {
  return { agent, fetch: subgraphFetcher({ service: 'users', agent, gatewayKey: key, timeoutMs, logger }) };
}

async function burst(fetch: ReturnType<typeof fetcherWith>['fetch'], count: number): Promise<unknown[]> {
  expected = count;
  answered = 0;
  mostAtOnce = 0;
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer t', 'x-request-id': `r${i}`, 'x-forwarded-for': '10.0.0.1' },
        body: JSON.stringify({ query: '{ ok }', variables: { i } }),
      });
      return response.json();
    }),
  );
}

describe('the subgraph fetcher', () => {
  it('opens at most the cap of sockets to a subgraph, however many requests are in flight, and keeps them for the next ones', async () => {
    const { agent, fetch } = fetcherWith();
    sockets.clear();
    unsigned = 0;
    try {
      const first = await burst(fetch, 40);
      expect(first).toHaveLength(40);
      expect(first.every((r) => JSON.stringify(r) === '{"data":{"ok":true}}')).toBe(true);
      expect(mostAtOnce).toBe(CAP);
      expect(sockets.size).toBe(CAP);

      await burst(fetch, 12);
      expect(sockets.size).toBe(CAP); // the same sockets again: kept alive
      expect(unsigned).toBe(0);
    } finally {
      await agent.close();
    }
  });

  it('passes a 400 (variables that do not fit the schema) on as the GraphQL answer it is', async () => {
    const { agent, fetch } = fetcherWith();
    answer = (_req, res) => json(res, 400, { errors: [{ message: 'Variable "$d" got invalid value', extensions: { code: 'BAD_USER_INPUT' } }] });
    releaseAt = 1;
    try {
      expect(await burst(fetch, 1)).toEqual([{ errors: [{ message: 'Variable "$d" got invalid value', extensions: { code: 'BAD_USER_INPUT' } }] }]);
    } finally {
      await agent.close();
    }
  });

  it('turns an answer that is not GraphQL into SERVICE_UNAVAILABLE naming the service', async () => {
    const { agent, fetch } = fetcherWith();
    answer = (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<h1>Bad gateway</h1>');
    };
    releaseAt = 1;
    try {
      await expect(burst(fetch, 1)).rejects.toMatchObject({
        message: 'The users service answered 502 instead of a GraphQL response; the rest of the answer is complete. Try again shortly.',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
    } finally {
      await agent.close();
    }
  });
});
