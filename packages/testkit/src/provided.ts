import { inject } from 'vitest';

/** What the global setup started once for the whole run. */
export interface TestEnvironment {
  routerUrl: string;
  usersUrl: string;
  doctorsUrl: string;
  patientsUrl: string;
  appointmentsUrl: string;
  notificationsUrl: string;
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
