import type { Kafka } from 'kafkajs';
import { dispatchEvent, startEventConsumer, Topics, type EventConsumer, type Logger } from '@medappt/platform';
import { saveClinic, saveDoctor, saveService } from '../repository/catalogue.ts';
import type { AppointmentsDb } from '../repository/db.ts';

/** Keeps the local copy of the catalogue (services, doctors, clinics) that slot search needs. */
export function consumeDoctors(deps: { kafka: Kafka; db: AppointmentsDb; logger: Logger }): Promise<EventConsumer> {
  return startEventConsumer({
    ...deps,
    groupId: 'appointments.catalogue',
    topics: [Topics.doctors.name],
    async handle(event, tx) {
      const handled = await dispatchEvent(event, {
        'service.saved': (p) => saveService(tx, p),
        'doctor.saved': (p) => saveDoctor(tx, p),
        'clinic.saved': (p) => saveClinic(tx, p),
      });
      if (!handled) deps.logger.debug({ type: event.type }, 'catalogue event ignored');
    },
  });
}
