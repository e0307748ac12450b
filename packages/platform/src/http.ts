import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext as ApolloBaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { LimitCode, tokenLimitError, type OperationLimits } from './limits.ts';
import { adoptRequestId, sqlQueriesInRequest, withRequestId, type Logger } from './logger.ts';

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;
export type ReadinessChecks = Record<string, () => Promise<unknown>>;

export interface HttpService {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The client address behind one trusted proxy: the right-most X-Forwarded-For entry, the one our
 * proxy appended. Entries to its left are whatever the client claimed (a fresh one per request
 * would defeat per-address throttling).
 */
export function clientIpOf(req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-for'];
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  return last || req.socket.remoteAddress || 'unknown';
}

/** A request id as a client sent it, if it looks like one: logged, never trusted. */
export function clientRequestIdOf(req: IncomingMessage): string | undefined {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : undefined;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': `${contentType}; charset=utf-8`, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/** GraphQL over HTTP: a client that accepts application/graphql-response+json gets it (and its status codes). */
function wantsGraphQLResponseJson(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes(GRAPHQL_RESPONSE_JSON);
}

/** A GraphQL response carrying only request errors, in the media type the client asked for. */
function sendGraphQLErrors(req: IncomingMessage, res: ServerResponse, refused: RequestRefused): void {
  const { http: _http, ...extensions } = refused.error.extensions;
  const body = { errors: [{ message: refused.error.message, extensions }] };
  if (wantsGraphQLResponseJson(req)) sendJson(res, refused.status, body, GRAPHQL_RESPONSE_JSON);
  // For application/json the spec asks for 200 on a well-formed request that GraphQL refused.
  else sendJson(res, refused.wellFormed ? 200 : refused.status, body);
}

class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly error: GraphQLError,
    /** A well-formed GraphQL-over-HTTP request that GraphQL itself refused (e.g. over a limit). */
    readonly wellFormed = false,
  ) {
    super(error.message);
  }
}

const refusal = (status: number, code: string, message: string, extensions: Record<string, unknown> = {}): RequestRefused =>
  new RequestRefused(status, new GraphQLError(message, { extensions: { code, ...extensions } }));

async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  const tooLarge = () => refusal(413, LimitCode.BODY, `The request body is larger than ${maxBytes} bytes (the limit).`, { limit: maxBytes });
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
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

/** Codes of errors GraphQL raises for a well-formed HTTP request (parse, validation, variables, limits). */
const REQUEST_ERROR_CODES = new Set<unknown>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  LimitCode.TOKENS,
  LimitCode.DEPTH,
  LimitCode.ALIASES,
  LimitCode.DIRECTIVES,
  LimitCode.COST,
]);

/** Apollo answers 400 for every request error; for application/json clients the spec says 200. */
function statusForJsonClient(status: number, body: string): number {
  if (status !== 400) return status;
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
    const errors = parsed.errors ?? [];
    return errors.length > 0 && errors.every((e) => REQUEST_ERROR_CODES.has(e.extensions?.code)) ? 200 : status;
  } catch {
    return status;
  }
}

/** Who sent a request, as far as this service can trust it. */
export interface RequestFacts {
  readonly requestId: string;
  readonly clientIp: string;
  readonly userAgent: string | undefined;
  /** What the client sent as x-request-id: untrusted, kept apart from ours for audits. */
  readonly clientRequestId: string | undefined;
}

export interface GraphqlRouteOptions {
  readonly limits: OperationLimits;
  readonly maxBodyBytes: number;
  /** Answers larger than this are replaced by an error (a subgraph guarding itself). */
  readonly maxResponseBytes?: number;
  /** The SQL count per request in a Server-Timing header: useful in development, a leak in production. */
  readonly serverTiming: boolean;
  /**
   * What the request says about its client, or null to refuse it (401) before anything runs:
   * a subgraph admits only what the router signed.
   */
  readonly admit: (req: IncomingMessage, rawBody: string, ownRequestId: string) => RequestFacts | null;
}

function queryTextOf(method: string | undefined, body: unknown, url: URL): unknown {
  if (method === 'GET') return url.searchParams.get('query');
  return body && typeof body === 'object' ? (body as { query?: unknown }).query : undefined;
}

/** Serves one Apollo Server over plain node:http (no framework: less per-request work). */
export function graphqlRoute<TContext extends ApolloBaseContext>(
  apollo: ApolloServer<TContext>,
  context: (req: IncomingMessage, facts: RequestFacts) => Promise<TContext>,
  options: GraphqlRouteOptions,
): Route {
  return async (req, res, url) => {
    try {
      await serve(req, res, url);
    } catch (error) {
      if (!(error instanceof RequestRefused)) throw error;
      sendGraphQLErrors(req, res, error);
    }
  };

  async function serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const headers = headerMapOf(req);
    let body: unknown = undefined;
    let rawBody = '';
    if (req.method === 'POST') {
      rawBody = await readBody(req, options.maxBodyBytes);
      const type = headers.get('content-type') ?? '';
      if (type.includes('application/json') || type.includes(GRAPHQL_RESPONSE_JSON)) {
        try {
          body = rawBody === '' ? {} : JSON.parse(rawBody);
        } catch {
          throw refusal(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
        }
        if (Array.isArray(body)) throw refusal(400, LimitCode.BATCH, 'Batched operations are not supported: send one operation per request.');
      } else {
        body = rawBody;
      }
    }
    const query = queryTextOf(req.method, body, url);
    if (typeof query === 'string') {
      const tooMany = tokenLimitError(query, options.limits);
      if (tooMany) throw new RequestRefused(400, tooMany, true);
    }
    const facts = options.admit(req, rawBody, res.getHeader('x-request-id') as string);
    if (!facts) throw refusal(401, 'UNAUTHENTICATED', "This service answers only the router. Send your request to the router's /graphql.");
    res.setHeader('x-request-id', facts.requestId);
    adoptRequestId(facts.requestId);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => context(req, facts),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    if (options.serverTiming) res.setHeader('server-timing', `sql;desc="${sqlQueriesInRequest()} queries"`);
    const status = response.status ?? 200;
    if (response.body.kind === 'complete') {
      const text = response.body.string;
      if (options.maxResponseBytes !== undefined && text.length > options.maxResponseBytes) {
        throw refusal(500, 'RESPONSE_TOO_LARGE', `The answer is larger than ${options.maxResponseBytes} bytes (the limit). Ask for less.`, {
          limit: options.maxResponseBytes,
        });
      }
      const jsonClient = (response.headers.get('content-type') ?? '').startsWith('application/json');
      res.statusCode = jsonClient ? statusForJsonClient(status, text) : status;
      res.end(text);
      return;
    }
    res.statusCode = status;
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/**
 * On every response of every service: no MIME sniffing, no referrer, never framed. An API answer
 * needs no other source; a page (GraphiQL) sets its own content-security-policy.
 */
const SECURITY_HEADERS: readonly [string, string][] = [
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'no-referrer'],
  ['x-frame-options', 'DENY'],
  ['content-security-policy', "default-src 'none'; frame-ancestors 'none'"],
];

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
      logger.error({ err: error, path: url.pathname }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error.' }] });
      else res.destroy();
    }
    logger.debug({ method: req.method, path: url.pathname, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
  };

  const server = createServer((req, res) => {
    // Our own id for every request; a client's x-request-id is logged beside it, never used as it.
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
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
