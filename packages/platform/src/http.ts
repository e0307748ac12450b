import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext as ApolloBaseContext } from '@apollo/server';
import { sqlQueriesInRequest, withRequestId, type Logger } from './logger.ts';

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;
export type ReadinessChecks = Record<string, () => Promise<unknown>>;

export interface HttpService {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Serves one Apollo Server over plain node:http (no framework: less per-request work). */
export function graphqlRoute<TContext extends ApolloBaseContext>(
  apollo: ApolloServer<TContext>,
  context: (req: IncomingMessage, requestId: string) => Promise<TContext>,
): Route {
  return async (req, res, url) => {
    const headers = headerMapOf(req);
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const text = await readBody(req);
      const type = headers.get('content-type') ?? '';
      if (type.includes('application/json') || type.includes('application/graphql-response+json')) {
        try {
          body = text === '' ? {} : JSON.parse(text);
        } catch {
          throw new HttpError(400, 'The request body is not valid JSON.');
        }
      } else {
        body = text;
      }
    }
    const requestId = res.getHeader('x-request-id') as string;
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => context(req, requestId),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.setHeader('server-timing', `sql;desc="${sqlQueriesInRequest()} queries"`);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

/**
 * One HTTP server per service: `/healthz` (process alive), `/readyz` (every dependency
 * answers), the given routes, and a request id on every response and log line.
 */
export async function startHttpService(options: {
  host: string;
  port: number;
  logger: Logger;
  routes: Record<string, Route>;
  readiness: ReadinessChecks;
}): Promise<HttpService> {
  const { logger } = options;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') return sendJson(res, ...(await readiness(options.readiness)));
    const route = options.routes[url.pathname];
    if (!route) return sendJson(res, 404, { error: `Nothing at ${url.pathname}. GraphQL is served at /graphql.` });
    const started = performance.now();
    try {
      await route(req, res, url);
    } catch (error) {
      if (error instanceof HttpError) {
        if (!res.headersSent) sendJson(res, error.status, { errors: [{ message: error.message }] });
      } else {
        logger.error({ err: error, path: url.pathname }, 'request failed');
        if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error.' }] });
        else res.destroy();
      }
    }
    logger.debug({ method: req.method, path: url.pathname, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
  };

  const server = createServer((req, res) => {
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    withRequestId(requestId, () => {
      handle(req, res).catch((error: unknown) => {
        logger.error({ err: error }, 'unhandled request error');
        res.destroy();
      });
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host}:${port}`;
  return {
    url,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      }),
  };
}

async function readiness(checks: ReadinessChecks): Promise<[number, unknown]> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await withTimeout(check(), 2_000);
        return [name, 'ok'] as const;
      } catch (error) {
        return [name, `failing: ${error instanceof Error ? error.message : String(error)}`] as const;
      }
    }),
  );
  const ready = entries.every(([, state]) => state === 'ok');
  return [ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(entries) }];
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
