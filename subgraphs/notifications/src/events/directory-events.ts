import type { Kafka } from 'kafkajs';
import {
  clinicSavedV1,
  doctorSavedV1,
  parsePayloadV1,
  serviceSavedV1,
  startEventConsumer,
  Topics,
  userEventV1,
  type EventConsumer,
  type Logger,
} from '@medappt/platform';
import type { NotificationsDb } from '../repository/db.ts';
import { saveClinic, saveContact, saveDoctor, saveService } from '../repository/read-models.ts';

/** Keeps what messages need to name: accounts (name, email), doctors, clinics (place, time zone), services. */
export function consumeDirectoryEvents(deps: { kafka: Kafka; db: NotificationsDb; logger: Logger }): Promise<EventConsumer> {
  return startEventConsumer({
    ...deps,
    groupId: 'notifications.directory',
    topics: [Topics.users.name, Topics.doctors.name],
    async handle(event, tx) {
      switch (event.type) {
        case 'user.created':
        case 'user.disabled':
          return saveContact(tx, parsePayloadV1(event, userEventV1));
        case 'doctor.saved':
          return saveDoctor(tx, parsePayloadV1(event, doctorSavedV1));
        case 'clinic.saved':
          return saveClinic(tx, parsePayloadV1(event, clinicSavedV1));
        case 'service.saved':
          return saveService(tx, parsePayloadV1(event, serviceSavedV1));
        default:
          deps.logger.debug({ type: event.type }, 'directory event ignored');
      }
    },
  });
}
