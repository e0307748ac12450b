import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { appointments, reminders, type AppointmentRow, type ReminderRow } from '../db/schema.ts';
import type { NotificationsDbOrTx, NotificationsTx } from './db.ts';

export interface ReminderPlan {
  appointmentId: string;
  schedule: { offsetMinutes: number; dueAt: Date }[];
}

/** Replaces the appointments' pending reminders with new schedules (a reschedule moves them): one delete, one insert. */
export async function replacePendingReminders(tx: NotificationsTx, plans: readonly ReminderPlan[]): Promise<ReminderRow[]> {
  if (plans.length === 0) return [];
  await tx.delete(reminders).where(and(inArray(reminders.appointmentId, plans.map((p) => p.appointmentId)), eq(reminders.status, 'PENDING')));
  const rows = plans.flatMap((p) => p.schedule.map((r) => ({ appointmentId: p.appointmentId, offsetMinutes: r.offsetMinutes, dueAt: r.dueAt })));
  return rows.length === 0 ? [] : tx.insert(reminders).values(rows).returning();
}

export async function dropPendingReminders(db: NotificationsDbOrTx, appointmentId: string, note: string, at: Date): Promise<number> {
  const dropped = await db
    .update(reminders)
    .set({ status: 'DROPPED', note, handledAt: at })
    .where(and(eq(reminders.appointmentId, appointmentId), eq(reminders.status, 'PENDING')))
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
    .where(and(eq(sibling.appointmentId, reminders.appointmentId), eq(sibling.status, 'PENDING'), lte(sibling.dueAt, now)));
  return tx
    .select({ reminder: reminders, appointment: appointments, nearestDueOffsetMinutes: sql<number | null>`(${nearestDue})`.mapWith((v) => (v === null ? null : Number(v))) })
    .from(reminders)
    .innerJoin(appointments, eq(appointments.id, reminders.appointmentId))
    .where(and(eq(reminders.status, 'PENDING'), lte(reminders.dueAt, now)))
    .orderBy(reminders.dueAt)
    .limit(limit)
    .for('update', { of: reminders, skipLocked: true });
}

export async function closeReminder(tx: NotificationsTx, id: string, status: 'SENT' | 'DROPPED', note: string | null, at: Date): Promise<void> {
  await tx.update(reminders).set({ status, note, handledAt: at }).where(eq(reminders.id, id));
}
