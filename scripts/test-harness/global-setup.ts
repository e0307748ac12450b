/**
 * Starts the real infrastructure once per test run: PostgreSQL (embedded, or TEST_DATABASE_URL),
 * an Apache Kafka broker (scripts/kafka, or KAFKA_BROKERS), every subgraph and the router.
 * Tests only talk to them over HTTP, as clients do.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropDatabasesWithPrefix, startEmbeddedPostgres, type PostgresServer } from '@medappt/platform';
// The harness sits beside the launcher: it starts every service, so nothing below scripts/ imports it.
import { JWKS_PATH, loadUsersConfig, startUsers } from '../../subgraphs/users/src/public.ts';
import { loadDoctorsConfig, startDoctors } from '../../subgraphs/doctors/src/public.ts';
import { loadPatientsConfig, startPatients } from '../../subgraphs/patients/src/public.ts';
import { loadAppointmentsConfig, startAppointments } from '../../subgraphs/appointments/src/public.ts';
import { loadNotificationsConfig, startNotifications } from '../../subgraphs/notifications/src/public.ts';
import { loadBillingConfig, startBilling } from '../../subgraphs/billing/src/public.ts';
import { loadFeedbackConfig, startFeedback } from '../../subgraphs/feedback/src/public.ts';
import { loadRouterConfig, startRouter } from '../../router/src/public.ts';
import { ensureKafkaBroker } from '../kafka/broker.mjs';
import { startMailbox } from '../../packages/testkit/src/mailbox.ts';
import type { TestEnvironment } from '../../packages/testkit/src/provided.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  const teardown = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error('teardown:', error));
  };
  try {
    const workDir = mkdtempSync(join(tmpdir(), 'medappt-test-'));
    // Run as root, embedded Postgres drops to a `postgres` user that must reach its data dir.
    chmodSync(workDir, 0o755);
    stops.push(async () => rmSync(workDir, { recursive: true, force: true }));
    const dbPrefix = `test_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;

    const started = Date.now();
    const [postgresUrl, kafkaBrokers] = await Promise.all([startPostgres(workDir, dbPrefix, stops), startKafka(workDir, stops)]);
    console.log(`test infrastructure up in ${Date.now() - started} ms (postgres ${postgresUrl.replace(/:[^:@]*@/, ':***@')}, kafka ${kafkaBrokers.join(',')})`);

    const admin = { email: 'admin@test.clinic', password: randomBytes(12).toString('base64url') };
    const keysDir = join(workDir, 'keys');
    const gatewaySecret = randomBytes(32).toString('base64url');
    const common = {
      GATEWAY_SECRET: gatewaySecret,
      PORT: '0',
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'error',
      DATABASE_URL: postgresUrl,
      DB_NAME_PREFIX: dbPrefix,
      DATA_DIR: workDir,
      KAFKA_BROKERS: kafkaBrokers.join(','),
    };
    const mailbox = await startMailbox();
    stops.push(mailbox.stop);
    const users = await startUsers(
      loadUsersConfig({
        ...common,
        KEYS_DIR: keysDir,
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        SMTP_URL: mailbox.smtpUrl,
        SIGN_UP_RESEND_SECONDS: '0',
      }),
    );
    stops.push(users.stop);
    const jwks = { USERS_JWKS_URL: `${users.url}${JWKS_PATH}` };
    const doctors = await startDoctors(loadDoctorsConfig({ ...common, ...jwks }));
    stops.push(doctors.stop);
    const patients = await startPatients(loadPatientsConfig({ ...common, ...jwks }));
    stops.push(patients.stop);
    const appointments = await startAppointments(loadAppointmentsConfig({ ...common, ...jwks }));
    stops.push(appointments.stop);
    const notifications = await startNotifications(
      loadNotificationsConfig({ ...common, ...jwks, SMTP_URL: mailbox.smtpUrl, WORKER_POLL_MS: '200', DELIVERY_RETRY_BASE_MS: '300' }),
    );
    stops.push(notifications.stop);
    const billing = await startBilling(loadBillingConfig({ ...common, ...jwks }));
    stops.push(billing.stop);
    const feedback = await startFeedback(loadFeedbackConfig({ ...common, ...jwks }));
    stops.push(feedback.stop);
    const router = await startRouter(
      loadRouterConfig({
        PORT: '0',
        LOG_LEVEL: common.LOG_LEVEL,
        GATEWAY_SECRET: gatewaySecret,
        KAFKA_BROKERS: common.KAFKA_BROKERS,
        ...jwks,
        TRUST_PROXY: 'true',
        SUBGRAPH_USERS_URL: users.graphqlUrl,
        SUBGRAPH_DOCTORS_URL: doctors.graphqlUrl,
        SUBGRAPH_PATIENTS_URL: patients.graphqlUrl,
        SUBGRAPH_APPOINTMENTS_URL: appointments.graphqlUrl,
        SUBGRAPH_NOTIFICATIONS_URL: notifications.graphqlUrl,
        SUBGRAPH_FEEDBACK_URL: feedback.graphqlUrl,
        SUBGRAPH_BILLING_URL: billing.graphqlUrl,
      }),
    );
    stops.push(router.stop);

    const env: TestEnvironment = {
      routerUrl: router.graphqlUrl,
      usersUrl: users.graphqlUrl,
      doctorsUrl: doctors.graphqlUrl,
      patientsUrl: patients.graphqlUrl,
      appointmentsUrl: appointments.graphqlUrl,
      notificationsUrl: notifications.graphqlUrl,
      billingUrl: billing.graphqlUrl,
      feedbackUrl: feedback.graphqlUrl,
      mailboxUrl: mailbox.messagesUrl,
      smtpUrl: mailbox.smtpUrl,
      postgresUrl,
      dbPrefix,
      kafkaBrokers,
      keysDir,
      gatewaySecret,
      admin,
    };
    project.provide('env', env);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}

async function startPostgres(workDir: string, dbPrefix: string, stops: (() => Promise<void>)[]): Promise<string> {
  const external = process.env['TEST_DATABASE_URL'];
  if (external) {
    stops.push(() => dropDatabasesWithPrefix(external, dbPrefix));
    return external;
  }
  const server: PostgresServer = await startEmbeddedPostgres({ dataDir: join(workDir, 'postgres'), ephemeral: true });
  stops.push(server.stop);
  return server.url;
}

async function startKafka(workDir: string, stops: (() => Promise<void>)[]): Promise<string[]> {
  const broker = await ensureKafkaBroker({ dataDir: join(workDir, 'kafka') });
  stops.push(broker.stop);
  return broker.brokers;
}
