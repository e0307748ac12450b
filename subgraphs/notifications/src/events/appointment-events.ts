import { sql } from 'drizzle-orm';
import type { Kafka } from 'kafkajs';
import { appointmentPayloadV1, parsePayloadV1, startEventConsumer, Topics, type EventConsumer, type Logger } from '@medappt/platform';
import { noticesFor, reminderActionFor } from '../domain/event-notices.ts';
import { notify } from '../notify.ts';
import { planReminders } from '../reminder-policy.ts';
import type { NotificationsDb } from '../repository/db.ts';
import { factsOf, saveAppointment } from '../repository/read-models.ts';
import { dropPendingReminders } from '../repository/reminders.ts';

export const DELIVERIES_CHANNEL = 'notifications_deliveries';

/**
 * Turns appointment events into notices (inbox + queued email/SMS) and keeps each appointment's
 * reminders in step: planned when confirmed, moved when rescheduled, dropped otherwise. Everything
 * happens in the transaction that records the event id, so a replay changes nothing.
 */
export function consumeAppointmentEvents(deps: { kafka: Kafka; db: NotificationsDb; logger: Logger; now: () => Date; reminderDefaults: readonly number[] }): Promise<EventConsumer> {
  const { logger } = deps;
  return startEventConsumer({
    ...deps,
    groupId: 'notifications.appointments',
    topics: [Topics.appointments.name],
    async handle(event, tx) {
      if (!event.type.startsWith('appointment.')) return;
      const payload = parsePayloadV1(event, appointmentPayloadV1);
      const now = deps.now();
      const appointment = await saveAppointment(tx, payload, new Date(event.occurredAt));
      if (!appointment) {
        logger.info({ eventId: event.id, appointmentId: payload.appointmentId }, 'stale appointment event: a newer state is known, nothing to tell');
        return;
      }
      const facts = await factsOf(tx, appointment);
      const previousStartAt = payload.previousStartAt ? new Date(payload.previousStartAt) : null;
      for (const notice of noticesFor(event.type, payload)) {
        await notify(
          tx,
          {
            userId: notice.recipient === 'patient' ? appointment.patientId : appointment.doctorId,
            recipient: notice.recipient,
            type: notice.type,
            sourceId: event.id,
            appointment,
            facts,
            reason: payload.reason ?? null,
            previousStartAt,
          },
          { now, logger },
        );
      }
      if (reminderActionFor(appointment.status as typeof payload.status) === 'plan') {
        const planned = await planReminders(tx, appointment, facts.clinicId, { defaults: deps.reminderDefaults, now });
        logger.debug({ appointmentId: appointment.id, reminders: planned.map((r) => r.dueAt) }, 'reminders planned');
      } else {
        await dropPendingReminders(tx, appointment.id, `appointment ${appointment.status.toLowerCase()}`, now);
      }
      // Transactional: the delivery worker is woken only when this commits.
      await tx.execute(sql`select pg_notify(${DELIVERIES_CHANNEL}, '')`);
    },
  });
}
