import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  appointments,
  contacts,
  deliveries,
  notifications,
  preferences,
  reminderPending,
  reminders,
  type AppointmentRow,
  type ReminderRow,
} from '../db/schema.ts';
import type { NotificationsDbOrTx, NotificationsTx } from './db.ts';

export interface ReminderPlan {
  appointmentId: string;
  schedule: { offsetMinutes: number; dueAt: Date }[];
}

/** Replaces the appointments' pending reminders with new schedules (a reschedule moves them): one delete, one insert. */
export async function replacePendingReminders(tx: NotificationsTx, plans: readonly ReminderPlan[]): Promise<ReminderRow[]> {
  if (plans.length === 0) return [];
  await tx.delete(reminders).where(
    and(
      inArray(
        reminders.appointmentId,
        plans.map((p) => p.appointmentId),
      ),
      reminderPending(reminders),
    ),
  );
  const rows = plans.flatMap((p) => p.schedule.map((r) => ({ appointmentId: p.appointmentId, offsetMinutes: r.offsetMinutes, dueAt: r.dueAt })));
  return rows.length === 0 ? [] : tx.insert(reminders).values(rows).returning();
}

export async function dropPendingReminders(db: NotificationsDbOrTx, appointmentId: string, note: string, at: Date): Promise<number> {
  const dropped = await db
    .update(reminders)
    .set({ status: 'DROPPED', note, handledAt: at })
    .where(and(eq(reminders.appointmentId, appointmentId), reminderPending(reminders)))
    .returning({ id: reminders.id });
  return dropped.length;
}

/**
 * Due reminders with their appointment, claimed for this transaction (SKIP LOCKED: another worker's
 * rows are passed over). Each comes with the smallest offset of its appointment's reminders due by
 * `now` and still PENDING, read in the same statement, so those this batch does not hold (another
 * worker's, or past `limit`) are known too: an appointment's reminders split over two batches must
 * not each be taken for the nearest one.
 */
export async function claimDueReminders(
  tx: NotificationsTx,
  now: Date,
  limit: number,
): Promise<{ reminder: ReminderRow; appointment: AppointmentRow; nearestDueOffsetMinutes: number | null }[]> {
  const sibling = alias(reminders, 'sibling');
  const nearestDue = tx
    .select({ offsetMinutes: sql<number>`min(${sibling.offsetMinutes})` })
    .from(sibling)
    .where(and(eq(sibling.appointmentId, reminders.appointmentId), reminderPending(sibling), lte(sibling.dueAt, now)));
  return tx
    .select({
      reminder: reminders,
      appointment: appointments,
      nearestDueOffsetMinutes: sql<number | null>`(${nearestDue})`.mapWith((v) => (v === null ? null : Number(v))),
    })
    .from(reminders)
    .innerJoin(appointments, eq(appointments.id, reminders.appointmentId))
    .where(and(reminderPending(reminders), lte(reminders.dueAt, now)))
    .orderBy(reminders.dueAt)
    .limit(limit)
    .for('update', { of: reminders, skipLocked: true });
}

export async function closeReminder(tx: NotificationsTx, id: string, status: 'SENT' | 'DROPPED', note: string | null, at: Date): Promise<void> {
  await tx.update(reminders).set({ status, note, handledAt: at }).where(eq(reminders.id, id));
}

export interface AppointmentReminderRow {
  reminder: ReminderRow;
  patientId: string;
  doctorId: string;
  /** The patient's channel settings; null: no row, the defaults apply. */
  prefs: { email: boolean; sms: boolean; smsNumber: string | null; optOut: string[] } | null;
  /** Null while the patient's account is unknown here (its user.created not yet arrived). */
  contactEmail: string | null;
  contactKnown: boolean;
  /** The channels of the notification a SENT reminder became (none when the patient had opted out). */
  sentChannels: string[] | null;
}

/** Every reminder of these appointments, with what deciding who sees it and where it goes needs: one query. */
export async function remindersOfAppointments(db: NotificationsDbOrTx, appointmentIds: readonly string[]): Promise<AppointmentReminderRow[]> {
  if (appointmentIds.length === 0) return [];
  const sentChannels = db
    .select({ channels: sql<string[]>`array_agg(distinct ${deliveries.channel})` })
    .from(deliveries)
    .innerJoin(notifications, eq(notifications.id, deliveries.notificationId))
    .where(
      and(
        eq(notifications.sourceId, sql`'reminder:' || ${reminders.id}::text`),
        eq(notifications.userId, appointments.patientId),
        eq(notifications.type, 'APPOINTMENT_REMINDER'),
      ),
    );
  const rows = await db
    .select({
      reminder: reminders,
      patientId: appointments.patientId,
      doctorId: appointments.doctorId,
      prefEmail: preferences.email,
      prefSms: preferences.sms,
      prefSmsNumber: preferences.smsNumber,
      prefOptOut: preferences.optOut,
      contactEmail: contacts.email,
      contactId: contacts.userId,
      sentChannels: sql<string[] | null>`(${sentChannels})`,
    })
    .from(reminders)
    .innerJoin(appointments, eq(appointments.id, reminders.appointmentId))
    .leftJoin(preferences, eq(preferences.userId, appointments.patientId))
    .leftJoin(contacts, eq(contacts.userId, appointments.patientId))
    .where(inArray(reminders.appointmentId, [...appointmentIds]))
    .orderBy(asc(reminders.dueAt), asc(reminders.id));
  return rows.map((r) => ({
    reminder: r.reminder,
    patientId: r.patientId,
    doctorId: r.doctorId,
    prefs: r.prefEmail === null ? null : { email: r.prefEmail, sms: r.prefSms ?? false, smsNumber: r.prefSmsNumber, optOut: r.prefOptOut ?? [] },
    contactEmail: r.contactEmail,
    contactKnown: r.contactId !== null,
    sentChannels: r.sentChannels,
  }));
}
