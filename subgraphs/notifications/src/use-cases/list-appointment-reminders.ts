import type { NotificationsContext } from '../context.ts';
import { defaultPreferences } from '../domain/preference-rules.ts';
import { mayReadReminders, reminderView, type ReminderView } from '../domain/reminder-rules.ts';

/**
 * Appointment.reminders: what is planned for this visit and what became of it. Those who may not
 * see them get an empty list, not an error, as with Appointment.history: an admin reading a
 * schedule still gets the rest of it.
 */
export async function listAppointmentReminders(ctx: NotificationsContext, input: { appointmentId: string }): Promise<ReminderView[]> {
  const rows = await ctx.loaders.remindersOf.load(input.appointmentId);
  const first = rows[0];
  if (!first || !mayReadReminders(ctx.auth.viewer ?? null, first)) return [];
  return rows.map((row) =>
    reminderView(
      { ...row.reminder, sentChannels: row.sentChannels },
      {
        prefs: row.prefs ?? defaultPreferences(row.patientId),
        // Not known yet: the delivery worker looks the address up when it sends (see send-notice).
        hasEmailAddress: row.contactKnown ? Boolean(row.contactEmail) : true,
      },
    ),
  );
}
