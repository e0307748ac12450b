import { join } from 'node:path';
import { createLocalJWKSet } from 'jose';
import {
  createKafka,
  createTokenVerifier,
  emailSender,
  ensureTopics,
  sendJson,
  startOutboxRelay,
  startPoller,
  startSubgraph,
  Topics,
  type OutboxRelay,
  type RunningService,
} from '@medappt/platform';
import { loadOrCreateSigningKey } from './adapters/signing-key.ts';
import { createTokenIssuer } from './adapters/token-issuer.ts';
import type { UsersConfig } from './config.ts';
import { createUsersContext, type UsersDeps } from './context.ts';
import * as schema from './db/schema.ts';
import { resolvers } from './generated/resolvers.ts';
import { ensureFirstAdmin } from './use-cases/ensure-first-admin.ts';
import { purgeOldSignUps, sendDueSignUpMail, type SignUpMailDeps } from './workers/sign-up-mail.ts';

export const JWKS_PATH = '/.well-known/jwks.json';

/** Starts the users subgraph: accounts, tokens, and the JWKS every other subgraph verifies with. */
export function startUsers(config: UsersConfig): Promise<RunningService> {
  return startSubgraph({
    name: 'users',
    config,
    srcDir: new URL('.', import.meta.url),
    resolvers,
    dbSchema: schema,
    async setup({ database, logger }) {
      const key = await loadOrCreateSigningKey(config.KEYS_DIR ?? join(config.DATA_DIR, 'keys'));
      const tokens = createTokenIssuer(key, {
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        accessTokenSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
        refreshTokenSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
      });
      if (!config.SMTP_URL) logger.warn('SMTP_URL is not set: sign-up emails (with their links) are written to the log, not sent');
      const email = emailSender({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, logger });
      const mailDeps: SignUpMailDeps = { db: database.db, logger, email, linkBaseUrl: config.SIGN_UP_URL, batchSize: 20 };
      const mail = startPoller('sign-up mail', {
        intervalMs: 2_000,
        logger,
        pass: async () => ({ full: (await sendDueSignUpMail(mailDeps)) >= mailDeps.batchSize }),
      });
      const purge = startPoller('sign-up purge', {
        intervalMs: 3_600_000,
        logger,
        pass: async () => (await purgeOldSignUps({ db: database.db, logger }), { full: false }),
      });
      const deps: UsersDeps = {
        db: database.db,
        tokens,
        loginThrottle: {
          pair: {
            freeFailures: config.LOGIN_PAIR_FREE_FAILURES,
            backoffSeconds: config.LOGIN_PAIR_BACKOFF_SECONDS,
            maxBackoffSeconds: config.LOGIN_PAIR_BACKOFF_MAX_SECONDS,
            windowSeconds: config.LOGIN_PAIR_WINDOW_SECONDS,
          },
          account: { maxFailures: config.LOGIN_MAX_FAILURES_PER_ACCOUNT, windowSeconds: config.LOGIN_ACCOUNT_WINDOW_SECONDS },
          ip: { maxFailures: config.LOGIN_MAX_FAILURES_PER_IP, windowSeconds: config.LOGIN_IP_WINDOW_SECONDS },
          knownAddressSeconds: config.LOGIN_KNOWN_ADDRESS_SECONDS,
        },
        signUpLimits: {
          perAddress: { max: config.SIGN_UP_MAX_PER_ADDRESS, windowSeconds: config.SIGN_UP_ADDRESS_WINDOW_SECONDS },
          perEmail: { resendSeconds: config.SIGN_UP_RESEND_SECONDS, maxPerDay: config.SIGN_UP_MAX_EMAILS_PER_DAY },
          linkSeconds: config.SIGN_UP_LINK_SECONDS,
        },
        signUpMailQueued: () => mail.wake(),
      };
      await ensureFirstAdmin({ db: database.db, logger }, { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD, name: config.ADMIN_NAME });
      const jwks = { keys: [key.publicJwk] };
      let relay: OutboxRelay | undefined;
      if (config.KAFKA_BROKERS) {
        const kafka = createKafka('users', config.KAFKA_BROKERS, logger);
        await ensureTopics(kafka, [Topics.users]);
        relay = await startOutboxRelay({ sql: database.sql, kafka, logger });
      } else {
        logger.warn('KAFKA_BROKERS is not set: account events wait in the outbox until a broker is configured');
      }
      return {
        close: async () => {
          await Promise.all([mail.stop(), purge.stop(), relay?.stop()]);
          email.close();
        },
        context: (base) => createUsersContext(base, deps),
        verifier: createTokenVerifier({ keys: createLocalJWKSet(jwks), issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE }),
        routes: {
          [JWKS_PATH]: (_req, res) => {
            res.setHeader('cache-control', 'public, max-age=300');
            sendJson(res, 200, jwks);
          },
        },
      };
    },
  });
}
