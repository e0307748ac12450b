import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type GraphQLSchema } from 'graphql';
import type { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { remoteKeySet, createTokenVerifier, withRevocations, type AuthState, type TokenVerifier } from './auth.ts';
import { ConfigError, type ServiceConfig } from './config.ts';
import { openDatabase, type Database } from './db.ts';
import { createApolloServer } from './graphql-server.ts';
import { graphqlRoute, startHttpService, type ReadinessChecks, type Route } from './http.ts';
import { createKafka, kafkaProbe } from './kafka.ts';
import { admitGatewayRequest, gatewayKeyFile, loadGatewayKey } from './gateway-credential.ts';
import { DEFAULT_MAX_BODY_BYTES, SUBGRAPH_MAX_RESPONSE_BYTES, SUBGRAPH_OPERATION_LIMITS } from './limits.ts';
import { createLogger, type Logger } from './logger.ts';
import { startRevocationListener } from './revocation-listener.ts';
import { startEmbeddedPostgres, type PostgresServer } from './postgres-server.ts';

/** What every resolver gets, whatever the subgraph. */
export interface BaseContext {
  readonly requestId: string;
  readonly logger: Logger;
  readonly auth: AuthState;
  /** The client's address as the router saw it (signed by the router, so not a client's claim). */
  readonly clientIp: string;
  readonly userAgent: string | undefined;
  /** The x-request-id the client sent the router, if any: untrusted, for audits beside `requestId`. */
  readonly clientRequestId: string | undefined;
}

export interface SubgraphSetup<TContext extends BaseContext> {
  context(base: BaseContext): TContext;
  routes?: Record<string, Route>;
  /** Defaults to verifying against USERS_JWKS_URL. */
  verifier?: TokenVerifier;
  close?(): Promise<void>;
}

export interface RunningService {
  readonly name: string;
  readonly url: string;
  readonly graphqlUrl: string;
  stop(): Promise<void>;
}

/** Every subgraph's Apollo Server, to be served by subgraphGraphqlRoute. */
export function subgraphApolloServer<TContext extends BaseContext>(logger: Logger, schema: GraphQLSchema): ApolloServer<TContext> {
  return createApolloServer<TContext>({
    logger,
    limits: SUBGRAPH_OPERATION_LIMITS,
    // Only the router's signed requests reach Apollo here (subgraphGraphqlRoute).
    csrfPrevention: false,
    schema,
  });
}

/**
 * The `/graphql` route of every subgraph: only what the router signed is answered, and the
 * caller's access token is verified here again. Apart from startSubgraph so that bench/ can serve
 * a tiny schema through exactly this path (the fixed cost of a request, bench/request-cost.ts).
 */
export function subgraphGraphqlRoute<TContext extends BaseContext>(options: {
  apollo: ApolloServer<TContext>;
  logger: Logger;
  gatewayKey: Buffer;
  verify: TokenVerifier;
  context: (base: BaseContext) => TContext;
}): Route {
  const { logger, verify } = options;
  return graphqlRoute(
    options.apollo,
    async (req, facts) =>
      options.context({
        requestId: facts.requestId,
        // The logger's mixin adds the request id (AsyncLocalStorage): a child would log it twice.
        logger,
        auth: await verify(req.headers.authorization),
        clientIp: facts.clientIp,
        userAgent: facts.userAgent,
        clientRequestId: facts.clientRequestId,
      }),
    {
      limits: SUBGRAPH_OPERATION_LIMITS,
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      maxResponseBytes: SUBGRAPH_MAX_RESPONSE_BYTES,
      serverTiming: true,
      admit: (req, rawBody, ownRequestId) => {
        const facts = admitGatewayRequest(options.gatewayKey, req, rawBody);
        if (!facts) {
          logger.warn({ remote: req.socket.remoteAddress }, 'refused a request not signed by the router');
          return null;
        }
        return {
          requestId: facts.requestId || ownRequestId,
          clientIp: facts.clientIp || 'unknown',
          userAgent: facts.userAgent || undefined,
          clientRequestId: facts.clientRequestId || undefined,
        };
      },
    },
  );
}

/**
 * Starts one subgraph the same way as every other: config → logs → Postgres (embedded unless
 * DATABASE_URL) → migrations → GraphQL over HTTP with health and readiness. `stop` undoes it all
 * in reverse order.
 */
export async function startSubgraph<TSchema extends Record<string, unknown>, TContext extends BaseContext>(options: {
  name: string;
  config: ServiceConfig;
  /**
   * The subgraph's `src/` folder (`new URL('.', import.meta.url)` in its service.ts): every
   * subgraph keeps its SDL in `src/schema.graphql` and its migrations in `../drizzle`.
   */
  srcDir: URL;
  /**
   * The resolver map (`src/generated/resolvers.ts`, typed there by codegen as `Resolvers`); typed
   * here too, so that what reaches buildSubgraphSchema is at least a map of types to fields,
   * scalars or enum values whose resolvers take this subgraph's context.
   */
  resolvers: GraphQLResolverMap<TContext>;
  /** The drizzle schema module. */
  dbSchema: TSchema;
  setup(deps: { config: ServiceConfig; logger: Logger; database: Database<TSchema> }): Promise<SubgraphSetup<TContext>>;
}): Promise<RunningService> {
  const { name, config } = options;
  const srcDir = fileURLToPath(options.srcDir);
  const typeDefs = parse(readFileSync(join(srcDir, 'schema.graphql'), 'utf8'));
  const logger = createLogger(name, config.LOG_LEVEL);
  const closers: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const close of closers.reverse()) {
      try {
        await close();
      } catch (error) {
        logger.warn({ err: error }, 'error while stopping');
      }
    }
    closers.length = 0;
  };

  try {
    let serverUrl = config.DATABASE_URL;
    if (!serverUrl) {
      const pg: PostgresServer = await startEmbeddedPostgres({ dataDir: resolve(config.DATA_DIR, `postgres-${name}`), logger });
      closers.push(() => pg.stop());
      serverUrl = pg.url;
    }
    const database = await openDatabase({
      serverUrl,
      name: `${config.DB_NAME_PREFIX}_${name}`,
      schema: options.dbSchema,
      migrationsFolder: join(srcDir, '..', 'drizzle'),
      logger,
    });
    closers.push(() => database.close());

    const readiness: ReadinessChecks = { database: () => database.sql`select 1` };
    if (config.KAFKA_BROKERS) {
      const probe = kafkaProbe(createKafka(name, config.KAFKA_BROKERS, logger));
      readiness['kafka'] = probe.check;
      closers.push(probe.close);
    }
    // Disabled accounts and ended sessions are refused within seconds, not at token expiry (adr/012).
    const revocations = config.KAFKA_BROKERS
      ? startRevocationListener({
          kafka: createKafka(name, config.KAFKA_BROKERS, logger),
          service: name,
          lookbackMs: config.ACCESS_TOKEN_TTL_SECONDS * 1000,
          logger,
        })
      : undefined;
    if (revocations) {
      readiness['revocations'] = revocations.readiness;
      closers.push(revocations.stop);
    }

    const setup = await options.setup({ config, logger, database });
    if (setup.close) closers.push(setup.close);
    if (!setup.verifier && !config.USERS_JWKS_URL) {
      throw new ConfigError(name, [{ variable: 'USERS_JWKS_URL', message: 'is required but not set' }]);
    }
    const verify = withRevocations(
      setup.verifier ?? createTokenVerifier({ keys: remoteKeySet(config.USERS_JWKS_URL ?? ''), issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE }),
      revocations?.denylist,
    );

    const apollo = subgraphApolloServer<TContext>(
      logger,
      // buildSubgraphSchema is not generic in the context; the map was checked against TContext above.
      buildSubgraphSchema({ typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }),
    );
    await apollo.start();
    closers.push(() => apollo.stop());

    const graphql = subgraphGraphqlRoute({
      apollo,
      logger,
      gatewayKey: loadGatewayKey({ secret: config.GATEWAY_SECRET, file: gatewayKeyFile(config.DATA_DIR) }),
      verify,
      context: (base) => setup.context(base),
    });
    if (revocations && !(await revocations.whenLive(10_000))) {
      logger.error('starting without the revocation list: tokens of disabled accounts and ended sessions are accepted until Kafka is reachable');
    }
    const http = await startHttpService({
      host: config.HOST,
      port: config.PORT,
      logger,
      routes: { '/graphql': graphql, ...setup.routes },
      readiness,
    });
    closers.push(() => http.close());
    logger.info({ url: `${http.url}/graphql` }, `${name} subgraph ready`);
    return { name, url: http.url, graphqlUrl: `${http.url}/graphql`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
