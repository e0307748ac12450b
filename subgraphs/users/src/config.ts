import { loadConfig, mailEnv, serviceEnv, z, type Env } from '@medappt/platform';
import { DEFAULT_SIGN_UP_LIMITS } from './domain/sign-up-rules.ts';

const seconds = z.coerce.number().int().positive();
const count = z.coerce.number().int().positive();

export const usersEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(4001),
  /** Where the access-token signing key is generated on first start. Default: $DATA_DIR/keys. */
  KEYS_DIR: z.string().optional(),
  REFRESH_TOKEN_TTL_SECONDS: seconds.default(30 * 24 * 3600),
  /** Login throttling (docs/adr/009): per (account, address) pair, per account, per address. */
  LOGIN_PAIR_FREE_FAILURES: count.default(5),
  LOGIN_PAIR_BACKOFF_SECONDS: seconds.default(60),
  LOGIN_PAIR_BACKOFF_MAX_SECONDS: seconds.default(3600),
  LOGIN_PAIR_WINDOW_SECONDS: seconds.default(24 * 3600),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: count.default(30),
  LOGIN_ACCOUNT_WINDOW_SECONDS: seconds.default(3600),
  LOGIN_MAX_FAILURES_PER_IP: count.default(20),
  LOGIN_IP_WINDOW_SECONDS: seconds.default(900),
  LOGIN_KNOWN_ADDRESS_SECONDS: seconds.default(90 * 24 * 3600),
  /** Sign-up emails (adr/009). SMTP_URL unset: written to the log, link included (development). */
  ...mailEnv,
  /** The page a sign-up link opens; the token follows `#token=`. The router serves one at /sign-up. */
  SIGN_UP_URL: z.url({ error: 'must be a URL' }).default('http://localhost:4000/sign-up'),
  SIGN_UP_LINK_SECONDS: seconds.default(DEFAULT_SIGN_UP_LIMITS.linkSeconds),
  SIGN_UP_MAX_PER_ADDRESS: count.default(DEFAULT_SIGN_UP_LIMITS.perAddress.max),
  SIGN_UP_ADDRESS_WINDOW_SECONDS: seconds.default(DEFAULT_SIGN_UP_LIMITS.perAddress.windowSeconds),
  SIGN_UP_RESEND_SECONDS: z.coerce.number().int().min(0).default(DEFAULT_SIGN_UP_LIMITS.perEmail.resendSeconds),
  SIGN_UP_MAX_EMAILS_PER_DAY: count.default(DEFAULT_SIGN_UP_LIMITS.perEmail.maxPerDay),
  /** The first admin, created on start when no active admin exists. */
  ADMIN_EMAIL: z.email({ error: 'must be an email address' }).optional(),
  ADMIN_PASSWORD: z.string().min(10, { error: 'must be at least 10 characters' }).optional(),
  ADMIN_NAME: z.string().default('Administrator'),
});

export type UsersConfig = z.infer<typeof usersEnv>;

export function loadUsersConfig(env?: Env): UsersConfig {
  return loadConfig('users', usersEnv, env, (raw) =>
    Boolean(raw['ADMIN_EMAIL']) === Boolean(raw['ADMIN_PASSWORD'])
      ? []
      : [{ variable: raw['ADMIN_EMAIL'] ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL', message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together' }],
  );
}
