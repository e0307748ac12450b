import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@medappt/platform';
import { errorCodes, postGraphQL, registeredPatient, routerEnvFor } from '@medappt/testkit';
import { loadRouterConfig, startRouter } from '../src/public.ts';

// Faults a real deployment sees: a subgraph that hangs, one that is down, one that breaks its
// contract (answers null where the schema promises a value). Each gets its own router over the
// real subgraphs otherwise.
type Router = Awaited<ReturnType<typeof startRouter>>;
const routers: Router[] = [];
const sockets: Socket[] = [];
let hung: TcpServer;
let broken: Server;

function routerWith(overrides: Record<string, string>): Promise<Router> {
  // No broker: these routers need no subscriptions.
  return startRouter(loadRouterConfig(routerEnvFor({ KAFKA_BROKERS: '', ...overrides }))).then((router) => (routers.push(router), router));
}

let hangingRouter: Router;
let deadRouter: Router;
let brokenRouter: Router;

beforeAll(async () => {
  hung = createTcpServer((socket) => sockets.push(socket)); // accepts, never answers
  await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
  broken = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: { notificationPreferences: null } }));
  });
  await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
  const address = (server: TcpServer | Server) => `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
  hangingRouter = await routerWith({ SUBGRAPH_NOTIFICATIONS_URL: address(hung), SUBGRAPH_TIMEOUT_MS: '500' });
  deadRouter = await routerWith({ SUBGRAPH_PATIENTS_URL: `http://127.0.0.1:${await findFreePort()}/graphql` });
  brokenRouter = await routerWith({ SUBGRAPH_NOTIFICATIONS_URL: address(broken) });
});

afterAll(async () => {
  for (const router of routers) await router.stop();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => hung?.close(resolve));
  await new Promise((resolve) => broken?.close(resolve));
});

describe('a subgraph that fails', () => {
  it('hung: the router answers within its timeout, with the rest of the data and a clear error for the missing part', async () => {
    const { session } = await registeredPatient();
    const started = performance.now();
    const result = await postGraphQL<{ me: { id: string; unreadNotificationCount: number | null } }>(
      hangingRouter.graphqlUrl,
      '{ me { id name unreadNotificationCount } }',
      {},
      { token: session.accessToken },
    );
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(result.data?.me).toMatchObject({ id: session.user.id, unreadNotificationCount: null });
    expect(errorCodes(result)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(result.errors?.[0]?.message).toMatch(/notifications service did not answer within 0.5 s; the rest of the answer is complete/);
  });

  it('down: the same, at once', async () => {
    const { session } = await registeredPatient();
    const result = await postGraphQL<{ me: { id: string; patientProfile: unknown } }>(
      deadRouter.graphqlUrl,
      '{ me { id patientProfile { name } } }',
      {},
      { token: session.accessToken },
    );
    expect(result.data?.me).toEqual({ id: session.user.id, patientProfile: null });
    expect(errorCodes(result)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(result.errors?.[0]?.message).toMatch(/patients service cannot be reached/);
  });

  it('broken contract: a null where a value is promised is an error the client sees, never a silent data: null', async () => {
    const { session } = await registeredPatient();
    const response = await fetch(brokenRouter.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
      body: JSON.stringify({ query: '{ notificationPreferences { locale } }' }),
    });
    const body = (await response.json()) as {
      data: unknown;
      errors?: { message: string; path?: unknown[]; extensions: { code: string; requestId: string } }[];
      extensions?: Record<string, unknown>;
    };
    expect(body.data).toBeNull();
    expect(body.extensions?.['valueCompletion']).toBeUndefined();
    expect(body.errors?.map((e) => e.extensions.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(body.errors?.[0]?.message).toMatch(/could not be completed \(Cannot return null for non-nullable field Query.notificationPreferences.\)/);
    expect(body.errors?.[0]?.extensions.requestId).toBe(response.headers.get('x-request-id'));
  });
});
