import type { Kafka } from 'kafkajs';
import { dispatchEvent, startEventConsumer, Topics, type EventConsumer, type Logger } from '@medappt/platform';
import { findDoctorForUpdate, updateDoctor } from '../repository/doctors.ts';
import type { DoctorsDb } from '../repository/db.ts';
import { doctorSaved } from './catalogue-events.ts';

/**
 * A disabled DOCTOR account takes its profile out of the directory (and, through doctor.saved,
 * out of slot search), in the transaction that records the event as processed.
 */
export function consumeAccountEvents(deps: { kafka: Kafka; db: DoctorsDb; logger: Logger }): Promise<EventConsumer> {
  return startEventConsumer({
    ...deps,
    groupId: 'doctors.accounts',
    topics: [Topics.users.name],
    async handle(event, tx) {
      await dispatchEvent(event, {
        'user.disabled': async ({ userId }) => {
          const doctor = await findDoctorForUpdate(tx, userId);
          if (!doctor || !doctor.active) return;
          const updated = await updateDoctor(tx, doctor.id, { active: false });
          await doctorSaved(tx, updated);
          deps.logger.info({ doctorId: doctor.id }, 'doctor profile deactivated: account disabled');
        },
      });
    },
  });
}
