/**
 * The child of `BENCH=request` (bench/request-cost.ts): a subgraph with a tiny schema served
 * through exactly the platform's subgraph path (subgraphGraphqlRoute: the router's signature,
 * token verification against a remote JWKS with revocations, Apollo with the platform's plugins
 * and limits, the HTTP service with its request ids), and nothing else: no database, no Kafka, and a plain schema (federation's `_service` and
 * `_entities` cost nothing to a request that does not ask for them).
 * What a request costs it is the fixed cost every subgraph pays. Driven over IPC: it says its
 * port, and profiles itself (node:inspector, in process) when asked.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { buildSchema, type GraphQLFieldResolver } from 'graphql';
import {
  createDenylist,
  createLogger,
  createTokenVerifier,
  remoteKeySet,
  startHttpService,
  subgraphApolloServer,
  subgraphGraphqlRoute,
  withRevocations,
  type BaseContext,
} from '@medappt/platform';

const env = process.env;
const logger = createLogger('request-cost', (env['LOG_LEVEL'] as 'warn' | undefined) ?? 'warn');

const schema = buildSchema(`
  type Query {
    me: Viewer
    slots(first: Int = 100): [Slot!]!
  }
  type Viewer {
    userId: ID!
    role: String!
  }
  type Slot {
    id: ID!
    start: String!
    end: String!
    doctorId: ID!
    free: Boolean!
  }
`);
const slots = Array.from({ length: 1000 }, (_, i) => ({
  id: `7f0c1e2a-0000-4000-8000-${String(i).padStart(12, '0')}`,
  start: new Date(Date.UTC(2027, 0, 4, 8) + i * 900_000).toISOString(),
  end: new Date(Date.UTC(2027, 0, 4, 8) + (i + 1) * 900_000).toISOString(),
  doctorId: `3f2b9c1e-8a4d-4e7b-9c2a-${String(i % 47).padStart(12, '0')}`,
  free: true,
}));
const resolvers: Record<string, GraphQLFieldResolver<unknown, BaseContext, { first: number }>> = {
  me: (_root, _args, context) => context.auth.viewer,
  slots: (_root, args) => slots.slice(0, args.first),
};
for (const [name, field] of Object.entries(schema.getQueryType()!.getFields())) field.resolve = resolvers[name];

const apollo = subgraphApolloServer<BaseContext>(logger, schema);
await apollo.start();
// As a subgraph with Kafka has it: a denylist consulted on every request (empty here).
const denylist = createDenylist({ retentionMs: 960_000 });
const verify = withRevocations(createTokenVerifier({ keys: remoteKeySet(env['USERS_JWKS_URL']!), issuer: 'medappt-users', audience: 'medappt' }), denylist);
const http = await startHttpService({
  host: '127.0.0.1',
  port: 0,
  logger,
  routes: {
    '/graphql': subgraphGraphqlRoute({
      apollo,
      logger,
      gatewayKey: Buffer.from(env['GATEWAY_SECRET']!, 'base64url'),
      verify,
      context: (base) => base,
    }),
  },
  readiness: {},
});

const session = new Session();
session.connect();
process.on('message', (message: { profile?: 'start' | 'stop'; file?: string; stop?: true }) => {
  void (async () => {
    if (message.profile === 'start') {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      process.send?.({ profiling: true });
    } else if (message.profile === 'stop') {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(message.file!, JSON.stringify(profile));
      process.send?.({ profiled: message.file });
    } else if (message.stop) {
      await http.close();
      await apollo.stop();
      process.exit(0);
    }
  })();
});
// The driver gone (a timeout, Ctrl-C): nobody will stop this one.
process.once('disconnect', () => process.exit(0));
process.send?.({ port: http.port });
