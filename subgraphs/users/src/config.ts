import { loadConfig, serviceEnv, z, type Env } from '@medappt/platform';

const seconds = z.coerce.number().int().positive();

export const usersEnv = serviceEnv.extend({
    PORT: serviceEnv.shape.PORT.default(4001),
    /** Where the access-token signing key is generated on first start. Default: $DATA_DIR/keys. */
    KEYS_DIR: z.string().optional(),
    ACCESS_TOKEN_TTL_SECONDS: seconds.default(900),
    REFRESH_TOKEN_TTL_SECONDS: seconds.default(30 * 24 * 3600),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: seconds.default(5),
    LOGIN_MAX_FAILURES_PER_IP: seconds.default(20),
    LOGIN_THROTTLE_WINDOW_SECONDS: seconds.default(900),
    /** The first admin, created on start when no active admin exists. */
    ADMIN_EMAIL: z.email({ error: 'must be an email address' }).optional(),
    ADMIN_PASSWORD: z.string().min(10, { error: 'must be at least 10 characters' }).optional(),
    ADMIN_NAME: z.string().default('Administrator'),
  })

export type UsersConfig = z.infer<typeof usersEnv>;

export function loadUsersConfig(env?: Env): UsersConfig {
  return loadConfig('users', usersEnv, env, (raw) =>
    Boolean(raw['ADMIN_EMAIL']) === Boolean(raw['ADMIN_PASSWORD'])
      ? []
      : [{ variable: raw['ADMIN_EMAIL'] ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL', message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together' }],
  );
}
