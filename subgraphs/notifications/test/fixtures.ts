import { drizzle } from 'drizzle-orm/postgres-js';
import { connectToDatabase, createLogger } from '@medappt/platform';
import { book, client, emailsTo, freeSlots, testEnv, type Practice, type ReceivedEmail, type Slot } from '@medappt/testkit';
import { notificationsSchema } from '../src/public.ts';

// The clinic set-up (clinic, service, doctor with hours) is the testkit's `seed`.
export const c = client();

const DAY_MS = 86_400_000;

/** Emails that notifications sent: not the sign-up email every test patient got from users first. */
export const isNotice = (m: ReceivedEmail): boolean => !['Finish signing up', 'Someone tried to sign up with your address'].includes(m.subject);

/** What notifications emailed to an address so far. */
export const noticesTo = async (address: string): Promise<ReceivedEmail[]> => (await emailsTo(address)).filter(isNotice);

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

export async function inboxOf(token: string) {
  const result = await c.call<{ me: { id: string; notifications: InboxItem[]; unreadNotificationCount: number } }>(INBOX, {}, { token });
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.me;
}

/** Books `slot`, or the doctor's first free slot `slot` days from now. */
export async function bookSlot(p: Practice, token: string, slot: number | Slot, reason?: string): Promise<{ id: string; slot: Slot }> {
  const chosen = typeof slot === 'number' ? (await freeSlots(p, new Date(Date.now() + slot * DAY_MS), 3))[0]! : slot;
  const result = await book(token, { doctorId: p.doctorId, serviceId: p.serviceId, start: chosen.start, ...(reason && { reason }) });
  const booked = result.data?.bookAppointment;
  if (booked?.__typename !== 'Appointment') throw new Error(JSON.stringify(result));
  return { id: booked.id, slot: chosen };
}
