import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import type { Agent } from 'undici';
import {
  clientIpOf,
  clientRequestIdOf,
  createApolloServer,
  createKafka,
  createTokenVerifier,
  remoteKeySet,
  createLogger,
  Forwarded,
  gatewayKeyFile,
  graphqlRoute,
  loadGatewayKey,
  startHttpService,
  type Logger,
  type TokenVerifier,
  type Viewer,
  startRevocationListener,
  withRevocations,
} from '@medappt/platform';
import { isProduction, operationLimitsOf, type RouterConfig } from './config.ts';
import { introspectionForSignedInOnly, noSuggestionsForAnonymous } from './production.ts';
import { valueCompletionAsErrors } from './value-completion.ts';
import { startEventFeed, type EventFeed } from './subscriptions/feed.ts';
import { startLiveServer } from './subscriptions/server.ts';
import { liveTopics } from './subscriptions/fields/index.ts';
import { subscriptionsOverWebSocketOnly } from './subscriptions/http-refusal.ts';
import { graphiqlAssetRoutes, graphiqlPage, wantsGraphiQL } from './graphiql.ts';
import { signUpPage } from './sign-up-page.ts';
import { subgraphAgent, subgraphFetcher } from './subgraph-fetcher.ts';
import { workerLogFields } from './workers.ts';

/** What the router knows of a request: only what it forwards. It does not judge tokens; subgraphs do. */
export interface RouterContext {
  readonly authorization: string | undefined;
  readonly requestId: string;
  readonly clientIp: string;
  readonly userAgent: string;
  readonly clientRequestId: string;
  /** No valid access token (decided only in production mode, where it matters; else false). */
  readonly anonymous: boolean;
}

export interface RunningRouter {
  readonly url: string;
  readonly graphqlUrl: string;
  stop(): Promise<void>;
}

/** In production, whether a request carries no valid access token; outside it, nobody is treated as anonymous. */
/** The router's own token check (subgraphs still judge every token they get): for subscriptions and production mode. */
function routerVerifier(config: RouterConfig, logger: Logger): TokenVerifier {
  if (!config.USERS_JWKS_URL) {
    logger.warn('USERS_JWKS_URL is not set: the router treats every caller as anonymous (no signed-in subscriptions; in production no introspection)');
    return async () => ({ viewer: null, problem: 'This router cannot check access tokens (USERS_JWKS_URL is not set).' });
  }
  return createTokenVerifier({ keys: remoteKeySet(config.USERS_JWKS_URL), issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });
}

function anonymityCheck(production: boolean, verify: TokenVerifier): (authorization: string | undefined) => Promise<boolean> {
  if (!production) return async () => false;
  return async (authorization) => !authorization || !(await verify(authorization)).viewer;
}

/** Control characters would not survive as a header value; the audit needs no more than `max`. */
function printableHeaderValue(value: string, max: number): string {
  let printable = '';
  for (const char of value) if (char >= ' ' && char !== '\u007f' && char <= '\u00ff') printable += char;
  return printable.slice(0, max);
}

function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  return trustProxy ? clientIpOf(req) : (req.socket.remoteAddress ?? 'unknown');
}

function gatewayFor(config: RouterConfig, logger: Logger, gatewayKey: Buffer, agent: Agent): ApolloGateway {
  const supergraphSdl = readFileSync(resolve(config.SUPERGRAPH_PATH), 'utf8');
  // Otherwise the gateway probes cloud metadata addresses (AWS, GCP, Azure) on start and reports
  // usage to Apollo hourly: nothing of a clinic's deployment leaves it unasked.
  process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';

  return new ApolloGateway({
    supergraphSdl,
    experimental_approximateQueryPlanStoreMiB: config.QUERY_PLAN_CACHE_MIB,
    logger: {
      debug: (m: unknown) => logger.debug(String(m)),
      info: (m: unknown) => logger.info(String(m)),
      warn: (m: unknown) => logger.warn(String(m)),
      error: (m: unknown) => logger.error(String(m)),
    },
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<RouterContext>({
        url: config.SUBGRAPH_URLS[name] ?? url,
        fetcher: subgraphFetcher({ service: name, agent, gatewayKey, timeoutMs: config.SUBGRAPH_TIMEOUT_MS, logger }),
        willSendRequest: ({ request, context }) => {
          const headers = request.http?.headers;
          if (!headers) return;
          if (context.authorization) headers.set('authorization', context.authorization);
          headers.set(Forwarded.REQUEST_ID, context.requestId);
          headers.set(Forwarded.CLIENT_IP, context.clientIp);
          headers.set(Forwarded.USER_AGENT, context.userAgent);
          if (context.clientRequestId) headers.set(Forwarded.CLIENT_REQUEST_ID, context.clientRequestId);
        },
      }),
  });
}

/** The one public entry point: the federated supergraph, GraphiQL, health and readiness. */
export async function startRouter(config: RouterConfig): Promise<RunningRouter> {
  const logger = createLogger('router', config.LOG_LEVEL, workerLogFields());
  const agent = subgraphAgent(config.SUBGRAPH_MAX_CONNECTIONS);
  const gateway = gatewayFor(config, logger, loadGatewayKey({ secret: config.GATEWAY_SECRET, file: gatewayKeyFile(config.DATA_DIR) }), agent);
  const limits = operationLimitsOf(config);
  const production = isProduction(config);
  const kafka = config.KAFKA_BROKERS ? createKafka('router', config.KAFKA_BROKERS, logger) : undefined;
  const revocations = kafka ? startRevocationListener({ kafka, service: 'router', lookbackMs: config.ACCESS_TOKEN_TTL_SECONDS * 1000, logger }) : undefined;
  const verify = withRevocations(routerVerifier(config, logger), revocations?.denylist);
  const anonymous = anonymityCheck(production, verify);
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: schema }) => {
    apiSchema = schema;
  });
  const apollo = createApolloServer<RouterContext>({
    logger,
    gateway,
    limits,
    plugins: [
      subscriptionsOverWebSocketOnly<RouterContext>(),
      valueCompletionAsErrors<RouterContext>(logger),
      ...(production ? [introspectionForSignedInOnly<RouterContext>(), noSuggestionsForAnonymous<RouterContext>()] : []),
    ],
  });
  await apollo.start();
  const graphql = graphqlRoute(
    apollo,
    async (req, facts) => ({
      authorization: req.headers.authorization,
      requestId: facts.requestId,
      clientIp: facts.clientIp,
      userAgent: printableHeaderValue(facts.userAgent ?? '', 512),
      clientRequestId: facts.clientRequestId ?? '',
      anonymous: await anonymous(req.headers.authorization),
    }),
    {
      limits,
      maxBodyBytes: config.MAX_BODY_BYTES,
      // The router runs no SQL itself: the header only told anyone how busy the subgraphs are.
      serverTiming: false,
      admit: (req, _rawBody, requestId) => {
        const clientRequestId = clientRequestIdOf(req);
        if (clientRequestId) logger.debug({ clientRequestId }, 'client request id');
        return { requestId, clientIp: clientIp(req, config.TRUST_PROXY), userAgent: req.headers['user-agent'], clientRequestId };
      },
    },
  );
  let feed: EventFeed | undefined;
  const http = await startHttpService({
    host: config.HOST,
    port: config.PORT,
    logger,
    routes: {
      ...graphiqlAssetRoutes,
      '/graphql': (req, res, url) => (wantsGraphiQL(req.method, req.headers.accept, url.search) ? graphiqlPage(req, res, url) : graphql(req, res, url)),
      '/sign-up': signUpPage,
      '/': (_req, res) => {
        res.writeHead(302, { location: '/graphql' });
        res.end();
      },
    },
    readiness: {
      gateway: async () => true,
      ...(kafka ? { subscriptions: () => (feed ? feed.readiness() : Promise.reject(new Error('starting'))) } : {}),
      ...(revocations ? { revocations: () => revocations.readiness() } : {}),
    },
  });
  const live = startLiveServer({
    server: http.server,
    apollo,
    schema: () => apiSchema,
    verify,
    limits,
    logger,
    clientIp: (req) => clientIp(req, config.TRUST_PROXY),
    maxMessageBytes: config.MAX_BODY_BYTES,
    hideSuggestionsFromAnonymous: production,
    ...(revocations ? { revoked: (viewer: Viewer) => revocations.denylist.refusal(viewer, Date.now()) !== null } : {}),
  });
  await revocations?.whenLive(10_000);
  if (kafka) {
    feed = startEventFeed({ kafka, logger, topics: liveTopics, onEvent: (topic, envelope) => live.deliver(topic, envelope) });
    if (!(await feed.whenLive(15_000))) logger.warn('the subscription event feed is not live yet: /readyz says so until it is');
  } else logger.warn('KAFKA_BROKERS is not set: subscriptions are accepted but no events arrive');
  logger.info({ url: `${http.url}/graphql` }, 'router ready (HTTP and WebSocket)');
  return {
    url: http.url,
    graphqlUrl: `${http.url}/graphql`,
    stop: async () => {
      await live.stop();
      await feed?.stop();
      await revocations?.stop();
      await http.close();
      await apollo.stop();
      await agent.close();
    },
  };
}
