import { drizzle } from 'drizzle-orm/postgres-js';
import { connectToDatabase, createLogger } from '@medappt/platform';
import { testEnv } from '@medappt/testkit';
import { notificationsSchema } from '../src/public.ts';

// The clinic set-up (clinic, service, doctor with hours) is the appointments suite's, reused as is.
export { book, c, freeSlots, patient, practice, type Practice } from '../../appointments/test/fixtures.ts';

export const INBOX = `{ me { id notifications(first: 50) { id type subject body appointmentId readAt deliveries { channel status attempts provider nextAttemptAt lastError } } unreadNotificationCount } }`;

export interface InboxItem {
  id: string;
  type: string;
  subject: string;
  body: string;
  appointmentId: string | null;
  readAt: string | null;
  deliveries: { channel: string; status: string; attempts: number; provider: string | null; nextAttemptAt: string | null; lastError: string | null }[];
}

/** The notifications database of the running test system, for workers driven by a test clock. */
export function notificationsDb() {
  const { postgresUrl, dbPrefix } = testEnv();
  const sql = connectToDatabase(postgresUrl, `${dbPrefix}_notifications`);
  return { db: drizzle(sql, { schema: notificationsSchema }), close: () => sql.end() };
}

export const quietLogger = createLogger('notifications-test', (process.env['TEST_LOG_LEVEL'] as 'error' | undefined) ?? 'silent');
