import type { Kafka } from 'kafkajs';
import { dispatchEvent, startEventConsumer, Topics, type EventConsumer, type Logger } from '@medappt/platform';
import type { PatientsDb } from '../repository/db.ts';
import { ensurePatientProfile } from '../repository/patients.ts';

/**
 * Every PATIENT account has a profile from the start, with the name it signed up with: a
 * `Patient` is never without its (non-null) name, even before the patient fills in the rest.
 */
export function consumeAccountEvents(deps: { kafka: Kafka; db: PatientsDb; logger: Logger }): Promise<EventConsumer> {
  return startEventConsumer({
    ...deps,
    groupId: 'patients.accounts',
    topics: [Topics.users.name],
    async handle(event, tx) {
      await dispatchEvent(event, {
        'user.created': async ({ userId, role, name }) => {
          if (role !== 'PATIENT') return;
          if (await ensurePatientProfile(tx, { id: userId, name })) deps.logger.info({ patientId: userId }, 'patient profile started from the account');
        },
      });
    },
  });
}
