import { ApolloServer, type ApolloServerOptionsWithGateway, type ApolloServerPlugin, type BaseContext as ApolloBaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { ErrorCode, isExposedError } from './errors.ts';
import { inputGuardPlugin } from './input-guard.ts';
import { operationLimitErrors, type OperationLimits } from './limits.ts';
import { currentRequestId, type Logger } from './logger.ts';

/**
 * Our typed errors and GraphQL's own (parse, validation, variables) reach the client as they
 * are; anything unexpected is logged with its stack and replaced by a message that names the
 * request id, so nothing internal leaks.
 */
export function formatErrorFor(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.['code'];
    if (isExposedError(original) || (code !== undefined && code !== ErrorCode.INTERNAL_SERVER_ERROR)) {
      // serviceName (added by the gateway) names our internals; stacktraces never leave.
      const { stacktrace: _stack, serviceName: _service, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const refused = databaseRefusalOf(original);
    if (refused) return { message: refused, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: ErrorCode.BAD_USER_INPUT } };
    const requestId = currentRequestId();
    logger.error({ err: original, path: formatted.path }, 'unexpected error in resolver');
    return {
      message: `Internal server error. Quote request id ${requestId ?? 'unknown'} when reporting it.`,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
    };
  };
}

/**
 * Postgres refusing a malformed uuid (22P02) means a client sent an id that can name nothing;
 * 22021 is a NUL byte, which Postgres refuses in any text (the input guard stops most first).
 * Checked once here, for every subgraph, rather than before each of the many lookups.
 */
function databaseRefusalOf(error: unknown): string | null {
  for (let e = error as { code?: string; message?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth += 1) {
    if (e.code === '22P02' && /uuid/i.test(e.message ?? ''))
      return 'An id in this request is not a valid ID: ids are UUIDs such as 3f2b9c1e-8a4d-4e7b-9c2a-1b2c3d4e5f60.';
    if (e.code === '22021') return 'A value in this request contains the NUL character (U+0000), which cannot be stored.';
  }
  return null;
}

/**
 * Refuses an operation over the limits after it parsed and validated, before anything runs (for the
 * router: before the query planner, which is where a deep query would cost most).
 */
export function operationLimitsPlugin<TContext extends ApolloBaseContext>(limits: OperationLimits): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const [first] = operationLimitErrors(schema, document, request.operationName, request.variables ?? {}, limits);
          if (first) throw first;
        },
      };
    },
  };
}

export function createApolloServer<TContext extends ApolloBaseContext>(options: {
  logger: Logger;
  schema?: GraphQLSchema;
  gateway?: ApolloServerOptionsWithGateway<TContext>['gateway'];
  plugins?: ApolloServerPlugin<TContext>[];
  limits: OperationLimits;
  /**
   * Apollo's CSRF prevention, on unless false: the router's callers are browsers. A subgraph passes
   * false: it answers only requests the router signed (adr/010), refused before Apollo sees them,
   * which no page in a browser can forge; the check cost ~5-8% of a small request's CPU there.
   */
  csrfPrevention?: boolean;
}): ApolloServer<TContext> {
  const common = {
    formatError: formatErrorFor(options.logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    csrfPrevention: options.csrfPrevention ?? true,
    allowBatchedHttpRequests: false,
    // Our own handler (exitOnSignals) stops everything in order; Apollo's would re-raise the signal
    // after stopping itself and kill the process before Kafka consumer groups are left and sockets closed.
    stopOnTerminationSignals: false,
    logger: {
      debug: (m: string) => options.logger.debug(m),
      info: (m: string) => options.logger.info(m),
      warn: (m: string) => options.logger.warn(m),
      error: (m: string) => options.logger.error(m),
    },
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // No CDN or response cache reads cache hints here, and the plugin wraps every resolved field (~9% of a slot search).
      ApolloServerPluginCacheControlDisabled(),
      operationLimitsPlugin<TContext>(options.limits),
      // Every server, router included: a NUL or a megabyte string is refused before it fans out.
      inputGuardPlugin<TContext>(),
      ...(options.plugins ?? []),
    ],
  };
  if (options.gateway) return new ApolloServer<TContext>({ ...common, gateway: options.gateway });
  if (!options.schema) throw new Error('createApolloServer needs a schema or a gateway');
  return new ApolloServer<TContext>({ ...common, schema: options.schema });
}
