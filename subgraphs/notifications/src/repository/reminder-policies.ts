import { and, eq, gt, inArray } from 'drizzle-orm';
import { appointments, catalogueDoctors, reminderPolicies } from '../db/schema.ts';
import type { NotificationsDbOrTx, NotificationsTx } from './db.ts';

/** The clinic's own reminder offsets; null when it has not set any. */
export async function ownReminderOffsets(db: NotificationsDbOrTx, clinicId: string): Promise<number[] | null> {
  const [row] = await db
    .select({ offsetsMinutes: reminderPolicies.offsetsMinutes })
    .from(reminderPolicies)
    .where(eq(reminderPolicies.clinicId, clinicId))
    .limit(1);
  return row?.offsetsMinutes ?? null;
}

export async function saveReminderPolicy(
  tx: NotificationsTx,
  policy: { clinicId: string; offsetsMinutes: number[]; updatedBy: string; updatedAt: Date },
): Promise<void> {
  await tx.insert(reminderPolicies).values(policy).onConflictDoUpdate({ target: reminderPolicies.clinicId, set: policy });
}

/** The clinic's confirmed visits that have not begun: those whose reminders follow its policy. */
export async function upcomingConfirmedVisits(tx: NotificationsTx, clinicId: string, now: Date): Promise<{ id: string; startAt: Date }[]> {
  return tx
    .select({ id: appointments.id, startAt: appointments.startAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.status, 'CONFIRMED'),
        gt(appointments.startAt, now),
        inArray(appointments.doctorId, tx.select({ id: catalogueDoctors.id }).from(catalogueDoctors).where(eq(catalogueDoctors.clinicId, clinicId))),
      ),
    );
}
