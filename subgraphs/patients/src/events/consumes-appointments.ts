import type { Kafka } from 'kafkajs';
import { AppointmentEventTypes, dispatchEvent, handleAll, startEventConsumer, Topics, type EventConsumer, type Logger } from '@medappt/platform';
import { applyAppointmentEvent } from '../repository/care.ts';
import type { PatientsDb } from '../repository/db.ts';

/** Keeps the care relation (which doctor treats which patient) from appointment events. */
export function consumeAppointmentEvents(deps: { kafka: Kafka; db: PatientsDb; logger: Logger }): Promise<EventConsumer> {
  return startEventConsumer({
    ...deps,
    groupId: 'patients.care-relation',
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
