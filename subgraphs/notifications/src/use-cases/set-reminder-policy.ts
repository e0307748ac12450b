import { rejectProblems, requireRole } from '@medappt/platform';
import type { NotificationsContext } from '../context.ts';
import { reminderSchedule, validateReminderOffsets, type EffectiveReminderPolicy } from '../domain/reminder-rules.ts';
import { saveReminderPolicy, upcomingConfirmedVisits } from '../repository/reminder-policies.ts';
import { replacePendingReminders } from '../repository/reminders.ts';
import { requireKnownClinic } from './get-reminder-policy.ts';

/** Sets a clinic's reminder offsets and re-plans the reminders of its upcoming confirmed visits in the same transaction. */
export async function setReminderPolicy(
  ctx: NotificationsContext,
  input: { clinicId: string; offsetsMinutes: readonly number[] },
): Promise<EffectiveReminderPolicy> {
  const viewer = requireRole(ctx.auth, 'STAFF', 'ADMIN');
  const { offsets, problems } = validateReminderOffsets(input.offsetsMinutes);
  rejectProblems(problems, 'offsetsMinutes');
  const { clinicId } = input;
  const now = ctx.now();
  await requireKnownClinic(ctx, clinicId);
  const replanned = await ctx.db.transaction(async (tx) => {
    await saveReminderPolicy(tx, { clinicId, offsetsMinutes: offsets, updatedBy: viewer.userId, updatedAt: now });
    const upcoming = await upcomingConfirmedVisits(tx, clinicId, now);
    await replacePendingReminders(
      tx,
      upcoming.map((a) => ({ appointmentId: a.id, schedule: reminderSchedule(a.startAt, offsets, now) })),
    );
    return upcoming.length;
  });
  ctx.logger.info({ clinicId, offsets, replanned }, 'reminder policy set');
  return { clinicId, offsetsMinutes: offsets, isDefault: false };
}
