import { z } from 'zod';

/** Thrown when the environment does not satisfy a service's schema; lists every bad variable at once. */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    super(
      `${service}: invalid configuration\n` +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n') +
        '\nSet these environment variables (see README "Configuration") and start again.',
    );
    this.name = 'ConfigError';
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Parses the environment once with zod. Empty strings count as unset, so `FOO=` falls back
 * to the default instead of failing an enum or url check.
 */
export type ConfigProblem = { variable: string; message: string };

/**
 * `crossChecks` see the raw variables and report rules that span several of them; they run
 * even when other variables are bad, so one start reports everything.
 */
export function loadConfig<S extends z.ZodType>(
  service: string,
  schema: S,
  env: Env = process.env,
  crossChecks: (env: Readonly<Record<string, string>>) => ConfigProblem[] = () => [],
): z.infer<S> {
  const cleaned: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') cleaned[key] = value;
  }
  const result = schema.safeParse(cleaned);
  const crossProblems = crossChecks(cleaned);
  if (result.success && crossProblems.length === 0) return result.data;
  const problems = (result.success ? [] : result.error.issues).map((issue) => ({
    variable: issue.path.map(String).join('.') || '(environment)',
    message: issue.code === 'invalid_type' && issue.message.endsWith('received undefined') ? 'is required but not set' : issue.message,
  }));
  throw new ConfigError(service, [...problems, ...crossProblems]);
}

const port = z.coerce.number().int().min(0).max(65535);
const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
const brokerList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[^\s:]+:\d+$/, 'each broker must be host:port')).min(1));

/** Variables every subgraph reads; a subgraph extends this with its own. */
export const serviceEnv = z.object({
  PORT: port,
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: logLevel.default('info'),
  /** A Postgres server URL; the service uses its own database on it. Unset: embedded Postgres. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  /** Database names are `${DB_NAME_PREFIX}_${service}`. */
  DB_NAME_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'lowercase letters, digits and _ only')
    .default('medappt'),
  DATA_DIR: z.string().default('.data'),
  KAFKA_BROKERS: brokerList.optional(),
  /** Where the public keys that verify access tokens are published (the users subgraph). */
  USERS_JWKS_URL: z.url({ error: 'must be the users subgraph JWKS URL, e.g. http://127.0.0.1:4001/.well-known/jwks.json' }).optional(),
  JWT_ISSUER: z.string().default('medappt-users'),
  JWT_AUDIENCE: z.string().default('medappt'),
  /**
   * Access-token lifetime: the users subgraph issues tokens for this long; every subgraph remembers
   * revocations (adr/012) for this long and refuses older tokens. Set it to the same value everywhere.
   */
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** The router → subgraph key (base64url, ≥ 32 bytes); unset: `$DATA_DIR/keys/gateway.key`, generated on first start. */
  GATEWAY_SECRET: z.string().optional(),
});
export type ServiceConfig = z.infer<typeof serviceEnv>;

export { z };
