import { loadConfig, z, type Env } from '@medappt/platform';

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
