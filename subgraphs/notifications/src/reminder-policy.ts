import { and, eq, gt, inArray } from 'drizzle-orm';
import { notFound, requireRole } from '@medappt/platform';
import type { NotificationsContext } from './context.ts';
import { appointments, catalogueClinics, catalogueDoctors, reminderPolicies } from './db/schema.ts';
import { reminderSchedule, validateReminderOffsets } from './domain/reminders.ts';
import type { NotificationsDbOrTx, NotificationsTx } from './repository/db.ts';
import { replacePendingReminders } from './repository/reminders.ts';

export interface EffectiveReminderPolicy {
  clinicId: string;
  offsetsMinutes: number[];
  isDefault: boolean;
}

/** Clinics are known here from doctors.events.v1; one not (yet) known is NOT_FOUND. */
async function requireClinic(db: NotificationsDbOrTx, clinicId: string): Promise<void> {
  const [clinic] = await db.select({ id: catalogueClinics.id }).from(catalogueClinics).where(eq(catalogueClinics.id, clinicId)).limit(1);
  if (!clinic) throw notFound('Clinic', clinicId);
}

export async function reminderPolicyOf(db: NotificationsDbOrTx, clinicId: string, defaults: readonly number[]): Promise<EffectiveReminderPolicy> {
  const [row] = await db.select().from(reminderPolicies).where(eq(reminderPolicies.clinicId, clinicId)).limit(1);
  return row ? { clinicId, offsetsMinutes: row.offsetsMinutes, isDefault: false } : { clinicId, offsetsMinutes: [...defaults], isDefault: true };
}

/** Plans an appointment's reminders anew from its clinic's policy (unknown clinic: the defaults). */
export async function planReminders(
  tx: NotificationsTx,
  appointment: { id: string; startAt: Date },
  clinicId: string | null,
  deps: { defaults: readonly number[]; now: Date },
) {
  const offsets = clinicId ? (await reminderPolicyOf(tx, clinicId, deps.defaults)).offsetsMinutes : deps.defaults;
  return replacePendingReminders(tx, [{ appointmentId: appointment.id, schedule: reminderSchedule(appointment.startAt, offsets, deps.now) }]);
}

/** Sets a clinic's reminder offsets and re-plans the reminders of its upcoming confirmed visits in the same transaction. */
export async function setReminderPolicy(ctx: NotificationsContext, clinicId: string, offsetsMinutes: readonly number[]): Promise<EffectiveReminderPolicy> {
  const viewer = requireRole(ctx.auth, 'STAFF', 'ADMIN');
  const offsets = validateReminderOffsets(offsetsMinutes);
  const now = ctx.now();
  await requireClinic(ctx.db, clinicId);
  const replanned = await ctx.db.transaction(async (tx) => {
    const values = { clinicId, offsetsMinutes: offsets, updatedBy: viewer.userId, updatedAt: now };
    await tx.insert(reminderPolicies).values(values).onConflictDoUpdate({ target: reminderPolicies.clinicId, set: values });
    const upcoming = await tx
      .select({ id: appointments.id, startAt: appointments.startAt })
      .from(appointments)
      .where(
        and(
          eq(appointments.status, 'CONFIRMED'),
          gt(appointments.startAt, now),
          inArray(appointments.doctorId, tx.select({ id: catalogueDoctors.id }).from(catalogueDoctors).where(eq(catalogueDoctors.clinicId, clinicId))),
        ),
      );
    await replacePendingReminders(tx, upcoming.map((a) => ({ appointmentId: a.id, schedule: reminderSchedule(a.startAt, offsets, now) })));
    return upcoming.length;
  });
  ctx.logger.info({ clinicId, offsets, replanned }, 'reminder policy set');
  return { clinicId, offsetsMinutes: offsets, isDefault: false };
}

export async function reminderPolicy(ctx: NotificationsContext, clinicId: string): Promise<EffectiveReminderPolicy> {
  requireRole(ctx.auth, 'STAFF', 'ADMIN');
  await requireClinic(ctx.db, clinicId);
  return reminderPolicyOf(ctx.db, clinicId, ctx.reminderDefaults);
}
