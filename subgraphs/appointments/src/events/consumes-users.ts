import type { Kafka } from 'kafkajs';
import { dispatchEvent, startEventConsumer, Topics, type EventConsumer, type Logger } from '@medappt/platform';
import { saveAccount } from '../repository/accounts.ts';
import type { AppointmentsDb } from '../repository/db.ts';

/** Keeps the accounts read model (id, role, disabled) that staff bookings are checked against. */
export function consumeUsers(deps: { kafka: Kafka; db: AppointmentsDb; logger: Logger }): Promise<EventConsumer> {
  return startEventConsumer({
    ...deps,
    groupId: 'appointments.accounts',
    topics: [Topics.users.name],
    async handle(event, tx) {
      const handled = await dispatchEvent(event, {
        'user.created': (p) => saveAccount(tx, p),
        'user.disabled': (p) => saveAccount(tx, p),
        'user.enabled': (p) => saveAccount(tx, p),
        'user.role_changed': (p) => saveAccount(tx, p),
      });
      if (!handled) deps.logger.debug({ type: event.type }, 'account event ignored');
    },
  });
}
