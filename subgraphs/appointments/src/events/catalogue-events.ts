import type { Kafka } from 'kafkajs';
import {
  clinicSavedV1,
  doctorSavedV1,
  PoisonMessageError,
  serviceSavedV1,
  startEventConsumer,
  Topics,
  type EventConsumer,
  type Logger,
} from '@medappt/platform';
import { saveClinic, saveDoctor, saveService } from '../repository/catalogue.ts';
import type { AppointmentsDb } from '../repository/db.ts';

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { message: string } } }, type: string, payload: unknown): T {
  const result = schema.safeParse(payload);
  if (!result.success) throw new PoisonMessageError(`${type} payload: ${result.error.message}`);
  return result.data;
}

/** Keeps the local copy of the catalogue (services, doctors, clinics) that slot search needs. */
export function consumeCatalogueEvents(deps: { kafka: Kafka; db: AppointmentsDb; logger: Logger }): Promise<EventConsumer> {
  return startEventConsumer({
    ...deps,
    groupId: 'appointments.catalogue',
    topics: [Topics.doctors.name],
    async handle(event, tx) {
      if (event.version !== 1) throw new PoisonMessageError(`${event.type} version ${event.version} is not understood`);
      switch (event.type) {
        case 'service.saved':
          return saveService(tx, parse(serviceSavedV1, event.type, event.payload));
        case 'doctor.saved':
          return saveDoctor(tx, parse(doctorSavedV1, event.type, event.payload));
        case 'clinic.saved':
          return saveClinic(tx, parse(clinicSavedV1, event.type, event.payload));
        default:
          deps.logger.debug({ type: event.type }, 'catalogue event ignored');
      }
    },
  });
}
