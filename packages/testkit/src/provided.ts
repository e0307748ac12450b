import { inject } from 'vitest';

/** What the global setup started once for the whole run. */
export interface TestEnvironment {
  routerUrl: string;
  usersUrl: string;
  doctorsUrl: string;
  patientsUrl: string;
  appointmentsUrl: string;
  notificationsUrl: string;
  feedbackUrl: string;
  /** The loopback SMTP server's inbox (GET: JSON list of received emails). */
  mailboxUrl: string;
  /** The loopback SMTP server the notifications service sends to. */
  smtpUrl: string;
  /** Server URL (no database) of the Postgres the services use. */
  postgresUrl: string;
  dbPrefix: string;
  kafkaBrokers: string[];
  keysDir: string;
  /** The router → subgraph key: tests that call a subgraph port sign as the router does. */
  gatewaySecret: string;
  admin: { email: string; password: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    env: TestEnvironment;
  }
}

export function testEnv(): TestEnvironment {
  return inject('env');
}

/**
 * The environment of another router over the test run's subgraphs (for tests that need their own:
 * production mode, a faulty subgraph, a second instance); `overrides` win.
 */
export function routerEnvFor(overrides: Record<string, string> = {}): Record<string, string> {
  const env = testEnv();
  return {
    PORT: '0',
    LOG_LEVEL: 'silent',
    GATEWAY_SECRET: env.gatewaySecret,
    KAFKA_BROKERS: env.kafkaBrokers.join(','),
    USERS_JWKS_URL: env.usersUrl.replace(/\/graphql$/, '/.well-known/jwks.json'),
    SUBGRAPH_USERS_URL: env.usersUrl,
    SUBGRAPH_DOCTORS_URL: env.doctorsUrl,
    SUBGRAPH_PATIENTS_URL: env.patientsUrl,
    SUBGRAPH_APPOINTMENTS_URL: env.appointmentsUrl,
    SUBGRAPH_NOTIFICATIONS_URL: env.notificationsUrl,
    SUBGRAPH_FEEDBACK_URL: env.feedbackUrl,
    ...overrides,
  };
}
