import type { Kafka } from 'kafkajs';
import { dispatchEvent, startEventConsumer, Topics, type EventConsumer, type Logger } from '@medappt/platform';
import type { NotificationsDb } from '../repository/db.ts';
import { saveClinic, saveContact, saveDoctor, saveService } from '../repository/read-models.ts';

/** Keeps what messages need to name: accounts (name, email), doctors, clinics (place, time zone), services. */
export function consumeDirectoryEvents(deps: { kafka: Kafka; db: NotificationsDb; logger: Logger }): Promise<EventConsumer> {
  return startEventConsumer({
    ...deps,
    groupId: 'notifications.directory',
    topics: [Topics.users.name, Topics.doctors.name],
    async handle(event, tx) {
      const handled = await dispatchEvent(event, {
        'user.created': (p) => saveContact(tx, p),
        'user.disabled': (p) => saveContact(tx, p),
        'user.enabled': (p) => saveContact(tx, p),
        'user.role_changed': (p) => saveContact(tx, p),
        'doctor.saved': (p) => saveDoctor(tx, p),
        'clinic.saved': (p) => saveClinic(tx, p),
        'service.saved': (p) => saveService(tx, p),
      });
      if (!handled) deps.logger.debug({ type: event.type }, 'directory event ignored');
    },
  });
}
