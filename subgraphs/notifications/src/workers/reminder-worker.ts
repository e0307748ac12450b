import type { Logger } from '@medappt/platform';
import { triageDueReminders } from '../domain/reminder-rules.ts';
import type { Templates } from '../domain/templates.ts';
import type { NotificationsDb } from '../repository/db.ts';
import { contextOf } from '../repository/read-models.ts';
import { claimDueReminders, closeReminder } from '../repository/reminders.ts';
import { sendNotice } from '../use-cases/send-notice.ts';

export interface ReminderWorkerDeps {
  db: NotificationsDb;
  logger: Logger;
  now: () => Date;
  batchSize: number;
  templates: Templates;
}

/**
 * One pass of the reminder worker: claims due reminders (FOR UPDATE SKIP LOCKED, so two workers
 * never take the same one), turns each into a notification for the patient, or drops it with a log
 * line when it is no longer useful (the visit started, a nearer reminder is also due, in this batch
 * or another worker's, the visit is no longer confirmed). Returns how many reminders it handled. A
 * reminder that came due while the service was down is found by the first pass after the restart.
 */
export async function remindDue(deps: ReminderWorkerDeps): Promise<number> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const claimed = await claimDueReminders(tx, now, deps.batchSize);
    const byId = new Map(claimed.map((c) => [c.reminder.id, c]));
    const confirmed = claimed.filter((c) => c.appointment.status === 'CONFIRMED');
    for (const c of claimed.filter((c) => c.appointment.status !== 'CONFIRMED')) {
      await closeReminder(tx, c.reminder.id, 'DROPPED', `appointment is ${c.appointment.status}`, now);
      deps.logger.info({ reminderId: c.reminder.id, appointmentId: c.appointment.id }, `reminder dropped: appointment is ${c.appointment.status}`);
    }
    const triage = triageDueReminders(
      confirmed.map((c) => ({ ...c.reminder, startAt: c.appointment.startAt, nearestDueOffsetMinutes: c.nearestDueOffsetMinutes })),
      now,
    );
    for (const { reminder, reason } of triage.drop) {
      await closeReminder(tx, reminder.id, 'DROPPED', reason, now);
      deps.logger.warn({ reminderId: reminder.id, appointmentId: reminder.appointmentId, dueAt: reminder.dueAt }, `reminder dropped: ${reason}`);
    }
    for (const due of triage.send) {
      const { reminder, appointment } = byId.get(due.id)!;
      const context = await contextOf(tx, appointment);
      await sendNotice(
        { tx, now, logger: deps.logger, templates: deps.templates },
        {
          userId: appointment.patientId,
          recipient: 'patient',
          type: 'APPOINTMENT_REMINDER',
          sourceId: `reminder:${reminder.id}`,
          appointment,
          context,
          reason: null,
          previousStartAt: null,
        },
      );
      const lateMinutes = Math.floor((now.getTime() - reminder.dueAt.getTime()) / 60_000);
      await closeReminder(tx, reminder.id, 'SENT', lateMinutes > 5 ? `sent ${lateMinutes} minutes late` : null, now);
      if (lateMinutes > 5)
        deps.logger.warn({ reminderId: reminder.id, appointmentId: appointment.id, lateMinutes }, 'reminder sent late (the service was down or behind)');
    }
    return claimed.length;
  });
}
