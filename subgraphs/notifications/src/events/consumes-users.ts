import type { EventHandlers } from '@medappt/platform';
import type { NotificationsTx } from '../repository/db.ts';
import { saveContact } from '../repository/read-models.ts';

/** users.events.v1: who messages go to (name, email) and whether the account may still be told anything. */
export function userEventHandlers(tx: NotificationsTx): EventHandlers {
  return {
    'user.created': (p) => saveContact(tx, p),
    'user.disabled': (p) => saveContact(tx, p),
    'user.enabled': (p) => saveContact(tx, p),
    'user.role_changed': (p) => saveContact(tx, p),
  };
}
