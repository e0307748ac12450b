import { notFound, requireRole } from '@medappt/platform';
import type { NotificationsContext } from '../context.ts';
import { effectiveReminderPolicy, type EffectiveReminderPolicy } from '../domain/reminder-rules.ts';
import { clinicIsKnown } from '../repository/read-models.ts';
import { ownReminderOffsets } from '../repository/reminder-policies.ts';

/** Clinics are known here from doctors.events.v1; one not (yet) known is NOT_FOUND. */
export async function requireKnownClinic(ctx: NotificationsContext, clinicId: string): Promise<void> {
  if (!(await clinicIsKnown(ctx.db, clinicId))) throw notFound('Clinic', clinicId);
}

/** ADMIN or STAFF: the clinic's reminder offsets, or the service default it follows. */
export async function getReminderPolicy(ctx: NotificationsContext, input: { clinicId: string }): Promise<EffectiveReminderPolicy> {
  requireRole(ctx.auth, 'STAFF', 'ADMIN');
  await requireKnownClinic(ctx, input.clinicId);
  return effectiveReminderPolicy(input.clinicId, await ownReminderOffsets(ctx.db, input.clinicId), ctx.reminderDefaults);
}
