import type { Kafka } from 'kafkajs';
import { appointmentPayloadV1, PoisonMessageError, startEventConsumer, Topics, type EventConsumer, type Logger } from '@medappt/platform';
import { applyAppointmentEvent } from '../repository/care.ts';
import type { PatientsDb } from '../repository/db.ts';

/** Keeps the care relation (which doctor treats which patient) from appointment events. */
export function consumeAppointmentEvents(deps: { kafka: Kafka; db: PatientsDb; logger: Logger }): Promise<EventConsumer> {
  return startEventConsumer({
    ...deps,
    groupId: 'patients.care-relation',
    topics: [Topics.appointments.name],
    async handle(event, tx) {
      if (!event.type.startsWith('appointment.')) return;
      if (event.version !== 1) throw new PoisonMessageError(`${event.type} version ${event.version} is not understood`);
      const payload = appointmentPayloadV1.safeParse(event.payload);
      if (!payload.success) throw new PoisonMessageError(`${event.type} payload: ${payload.error.message}`);
      await applyAppointmentEvent(tx, payload.data, new Date(event.occurredAt));
    },
  });
}
