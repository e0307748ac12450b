import type { Kafka } from 'kafkajs';
import { dispatchEvent, saveAccount, startEventConsumer, Topics, type EventConsumer, type Logger } from '@medappt/platform';
import { findDoctorForUpdate, updateDoctor } from '../repository/doctors.ts';
import type { DoctorsDb, DoctorsTx } from '../repository/db.ts';
import { doctorSaved } from './publishes-doctors.ts';

async function deactivate(tx: DoctorsTx, userId: string, why: string, logger: Logger): Promise<void> {
  const doctor = await findDoctorForUpdate(tx, userId);
  if (!doctor || !doctor.active) return;
  const updated = await updateDoctor(tx, doctor.id, { active: false });
  await doctorSaved(tx, updated);
  logger.info({ doctorId: doctor.id }, `doctor profile deactivated: ${why}`);
}

/**
 * A DOCTOR account that is disabled, or whose role changes to another, takes its profile out of
 * the directory (and, through doctor.saved, out of slot search), in the transaction that records
 * the event as processed. Enabling the account again leaves the profile to staff to bring back.
 */
export function consumeAccountEvents(deps: { kafka: Kafka; db: DoctorsDb; logger: Logger }): Promise<EventConsumer> {
  return startEventConsumer({
    ...deps,
    groupId: 'doctors.accounts',
    topics: [Topics.users.name],
    async handle(event, tx) {
      await dispatchEvent(event, {
        'user.disabled': ({ userId }) => deactivate(tx, userId, 'account disabled', deps.logger),
        'user.role_changed': async ({ userId, role }) => {
          if (role !== 'DOCTOR') await deactivate(tx, userId, `account is now ${role}`, deps.logger);
        },
      });
    },
  });
}

/**
 * The accounts read model (id, role, disabled) that createDoctor checks. Its own consumer group,
 * read from the beginning of the topic, so it holds every account ever created; the group above
 * has effects that must not be replayed.
 */
export function consumeAccountDirectory(deps: { kafka: Kafka; db: DoctorsDb; logger: Logger }): Promise<EventConsumer> {
  return startEventConsumer({
    ...deps,
    groupId: 'doctors.account-directory',
    topics: [Topics.users.name],
    async handle(event, tx) {
      await dispatchEvent(event, {
        'user.created': (p) => saveAccount(tx, p),
        'user.disabled': (p) => saveAccount(tx, p),
        'user.enabled': (p) => saveAccount(tx, p),
        'user.role_changed': (p) => saveAccount(tx, p),
      });
    },
  });
}
