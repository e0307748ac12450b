import type { Kafka } from 'kafkajs';
import {
  clinicSavedV1,
  doctorSavedV1,
  parsePayloadV1,
  serviceSavedV1,
  startEventConsumer,
  Topics,
  type EventConsumer,
  type Logger,
} from '@medappt/platform';
import { saveClinic, saveDoctor, saveService } from '../repository/catalogue.ts';
import type { AppointmentsDb } from '../repository/db.ts';

/** Keeps the local copy of the catalogue (services, doctors, clinics) that slot search needs. */
export function consumeCatalogueEvents(deps: { kafka: Kafka; db: AppointmentsDb; logger: Logger }): Promise<EventConsumer> {
  return startEventConsumer({
    ...deps,
    groupId: 'appointments.catalogue',
    topics: [Topics.doctors.name],
    async handle(event, tx) {
      switch (event.type) {
        case 'service.saved':
          return saveService(tx, parsePayloadV1(event, serviceSavedV1));
        case 'doctor.saved':
          return saveDoctor(tx, parsePayloadV1(event, doctorSavedV1));
        case 'clinic.saved':
          return saveClinic(tx, parsePayloadV1(event, clinicSavedV1));
        default:
          deps.logger.debug({ type: event.type }, 'catalogue event ignored');
      }
    },
  });
}
