import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { clientIpOf, createApolloServer, createLogger, graphqlRoute, startHttpService, type Logger } from '@medappt/platform';
import type { RouterConfig } from './config.ts';
import { graphiqlAssetRoutes, graphiqlPage, wantsGraphiQL } from './graphiql.ts';

/** What the router knows of a request: only what it forwards. It does not judge tokens; subgraphs do. */
export interface RouterContext {
  readonly authorization: string | undefined;
  readonly requestId: string;
  readonly clientIp: string;
}

export interface RunningRouter {
  readonly url: string;
  readonly graphqlUrl: string;
  stop(): Promise<void>;
}

function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  return trustProxy ? clientIpOf(req) : (req.socket.remoteAddress ?? 'unknown');
}

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;

/**
 * Node's fetch (keep-alive pooled) to the subgraphs. A subgraph answers 400 when a request's
 * variables do not fit its schema (e.g. a malformed Date); that body is a GraphQL response for
 * the client, so it is passed on as one instead of becoming an opaque transport error.
 */
const subgraphFetcher: Fetcher = (async (url: string, init: RequestInit) => {
  const response = await fetch(url, init);
  if (response.status !== 400 || !response.headers.get('content-type')?.includes('json')) return response;
  return new Response(await response.text(), { status: 200, headers: response.headers });
}) as unknown as Fetcher;

function gatewayFor(config: RouterConfig, logger: Logger): ApolloGateway {
  const supergraphSdl = readFileSync(resolve(config.SUPERGRAPH_PATH), 'utf8');
  return new ApolloGateway({
    supergraphSdl,
    logger: {
      debug: (m: unknown) => logger.debug(String(m)),
      info: (m: unknown) => logger.info(String(m)),
      warn: (m: unknown) => logger.warn(String(m)),
      error: (m: unknown) => logger.error(String(m)),
    },
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<RouterContext>({
        url: config.SUBGRAPH_URLS[name] ?? url,
        fetcher: subgraphFetcher,
        willSendRequest: ({ request, context }) => {
          const headers = request.http?.headers;
          if (!headers) return;
          if (context.authorization) headers.set('authorization', context.authorization);
          if (context.requestId) headers.set('x-request-id', context.requestId);
          if (context.clientIp) headers.set('x-forwarded-for', context.clientIp);
        },
      }),
  });
}

/** The one public entry point: the federated supergraph, GraphiQL, health and readiness. */
export async function startRouter(config: RouterConfig): Promise<RunningRouter> {
  const logger = createLogger('router', config.LOG_LEVEL);
  const gateway = gatewayFor(config, logger);
  const apollo = createApolloServer<RouterContext>({ logger, gateway });
  await apollo.start();
  const graphql = graphqlRoute(apollo, async (req, requestId) => ({
    authorization: req.headers.authorization,
    requestId,
    clientIp: clientIp(req, config.TRUST_PROXY),
  }));
  const http = await startHttpService({
    host: config.HOST,
    port: config.PORT,
    logger,
    routes: {
      ...graphiqlAssetRoutes,
      '/graphql': (req, res, url) =>
        wantsGraphiQL(req.method, req.headers.accept, url.search) ? graphiqlPage(req, res, url) : graphql(req, res, url),
      '/': (_req, res) => {
        res.writeHead(302, { location: '/graphql' });
        res.end();
      },
    },
    readiness: { gateway: async () => true },
  });
  logger.info({ url: `${http.url}/graphql` }, 'router ready');
  return {
    url: http.url,
    graphqlUrl: `${http.url}/graphql`,
    stop: async () => {
      await http.close();
      await apollo.stop();
    },
  };
}
