import type { Kafka } from 'kafkajs';
import { AppointmentEventTypes, dispatchEvent, handleAll, startEventConsumer, Topics, type EventConsumer, type Logger } from '@medappt/platform';
import type { FeedbackDb } from '../repository/db.ts';
import { applyAppointmentEvent } from '../repository/visits.ts';

/**
 * Keeps the eligibility read model (who was the patient and the doctor of which visit, and whether
 * and when it was completed) from every appointment event, so a visit of someone else's is told
 * apart from one of yours that is not completed yet. Idempotent (processed ids), with a DLQ.
 */
export function consumeAppointments(deps: { kafka: Kafka; db: FeedbackDb; logger: Logger }): Promise<EventConsumer> {
  return startEventConsumer({
    ...deps,
    groupId: 'feedback.visits',
    messagesPerTransaction: 100,
    topics: [Topics.appointments.name],
    async handle(event, tx) {
      await dispatchEvent(
        event,
        handleAll(AppointmentEventTypes, (payload) => applyAppointmentEvent(tx, payload, new Date(event.occurredAt))),
      );
    },
  });
}
