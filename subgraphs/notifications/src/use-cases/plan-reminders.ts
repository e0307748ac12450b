import { reminderSchedule } from '../domain/reminder-rules.ts';
import type { NotificationsTx } from '../repository/db.ts';
import { ownReminderOffsets } from '../repository/reminder-policies.ts';
import { replacePendingReminders } from '../repository/reminders.ts';

/**
 * Plans an appointment's reminders anew from its clinic's policy (unknown clinic: the defaults),
 * in the transaction of the event that confirmed or moved it.
 */
export async function planReminders(
  ctx: { tx: NotificationsTx; now: Date; reminderDefaults: readonly number[] },
  input: { appointment: { id: string; startAt: Date }; clinicId: string | null },
) {
  const { tx, now } = ctx;
  const offsets = (input.clinicId ? await ownReminderOffsets(tx, input.clinicId) : null) ?? ctx.reminderDefaults;
  return replacePendingReminders(tx, [{ appointmentId: input.appointment.id, schedule: reminderSchedule(input.appointment.startAt, offsets, now) }]);
}
