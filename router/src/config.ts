import { availableParallelism } from 'node:os';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_OPERATION_LIMITS as limits, loadConfig, z, type Env, type OperationLimits } from '@medappt/platform';

const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const routerEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SUPERGRAPH_PATH: z.string().default('schema/supergraph.graphql'),
  /**
   * Trust X-Forwarded-For from the client (set when a load balancer you run sits in front).
   * Off: the socket address is the client address, so nobody can pick the IP we throttle on.
   */
  TRUST_PROXY: z.stringbool().default(false),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  DATA_DIR: z.string().default('.data'),
  /**
   * Production mode (also NODE_ENV=production): no introspection or field suggestions for anonymous
   * callers, no Server-Timing. Security headers are sent in every mode.
   */
  PRODUCTION: z.stringbool().optional(),
  NODE_ENV: z.string().optional(),
  /** Where the router reads the events that feed subscriptions (its own consumer group per instance). */
  KAFKA_BROKERS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[^\s:]+:\d+$/, 'each broker must be host:port')).min(1))
    .optional(),
  /** Lets the router tell a signed-in caller from an anonymous one (production mode only; subgraphs still judge every token). */
  USERS_JWKS_URL: z.url().optional(),
  JWT_ISSUER: z.string().default('medappt-users'),
  JWT_AUDIENCE: z.string().default('medappt'),
  /** The access-token lifetime (as on the users subgraph): how far back revocations matter. */
  ACCESS_TOKEN_TTL_SECONDS: positive(900),
  /** The key that signs requests to the subgraphs (see platform gateway-credential.ts); unset: `$DATA_DIR/keys/gateway.key`. */
  GATEWAY_SECRET: z.string().optional(),
  /** Limits on every client operation (README "Limits"); a refusal names the limit it hit. */
  MAX_QUERY_TOKENS: positive(limits.maxTokens),
  MAX_QUERY_DEPTH: positive(limits.maxDepth),
  MAX_QUERY_ALIASES: positive(limits.maxAliases),
  MAX_QUERY_DIRECTIVES: positive(limits.maxDirectives),
  MAX_QUERY_COST: positive(limits.maxCost),
  ASSUMED_LIST_SIZE: positive(limits.assumedListSize),
  MAX_BODY_BYTES: positive(DEFAULT_MAX_BODY_BYTES),
  /** A subgraph that has not answered by then is given up on: the rest of the answer comes with an error for its part. */
  SUBGRAPH_TIMEOUT_MS: positive(10_000),
  /**
   * Sockets to each subgraph, per worker, kept alive between requests; more requests than that wait
   * in the router (still under SUBGRAPH_TIMEOUT_MS). Above a subgraph's database pool (10), so it
   * is not what limits a subgraph, and low enough that a burst does not open a socket per request.
   */
  SUBGRAPH_MAX_CONNECTIONS: positive(32),
  /**
   * The gateway's query-plan cache, per worker, measured as plan JSON (~3x that in heap). Every
   * operation in this repository (287) plans to 0.08 MiB together; 4 MiB holds ~20,000 plans of the
   * median size and bounds what a stream of distinct queries can make each worker hold (its default: 30).
   */
  QUERY_PLAN_CACHE_MIB: positive(4),
  /**
   * Router processes sharing the port (node:cluster): a number or `auto` (one per core). Each has
   * its own gateway, subscription sockets and consumer groups. See docs/adr/015-router-workers.md.
   */
  ROUTER_WORKERS: z
    .union([z.literal('auto'), z.coerce.number().int().positive()])
    .default(1)
    .transform((v) => (v === 'auto' ? availableParallelism() : v)),
  /** `SUBGRAPH_<NAME>_URL` overrides the routing URL composed into the supergraph, e.g. SUBGRAPH_USERS_URL. */
  SUBGRAPH_URLS: z.record(z.string(), z.url()).default({}),
});
export type RouterConfig = z.infer<typeof routerEnv>;

export function loadRouterConfig(env: Env = process.env): RouterConfig {
  const overrides: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^SUBGRAPH_([A-Z0-9_]+)_URL$/.exec(key);
    if (match?.[1] && value) overrides[match[1].toLowerCase()] = value;
  }
  return loadConfig('router', routerEnv.extend({ SUBGRAPH_URLS: z.record(z.string(), z.url()).default(overrides) }), env);
}

export const isProduction = (config: RouterConfig): boolean => config.PRODUCTION ?? config.NODE_ENV === 'production';

export function operationLimitsOf(config: RouterConfig): OperationLimits {
  return {
    maxTokens: config.MAX_QUERY_TOKENS,
    maxDepth: config.MAX_QUERY_DEPTH,
    maxAliases: config.MAX_QUERY_ALIASES,
    maxDirectives: config.MAX_QUERY_DIRECTIVES,
    maxCost: config.MAX_QUERY_COST,
    assumedListSize: config.ASSUMED_LIST_SIZE,
  };
}
