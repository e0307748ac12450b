import DataLoader from 'dataloader';
import type { BaseContext } from '@medappt/platform';
import type { NotificationsDb } from './repository/db.ts';
import type { DeliveryLogEntry } from './repository/deliveries.ts';
import { deliveriesOfNotifications } from './repository/notifications.ts';

export interface NotificationsDeps {
  readonly db: NotificationsDb;
  readonly now: () => Date;
  /** Reminder offsets for clinics without their own policy. */
  readonly reminderDefaults: readonly number[];
}

export interface NotificationsContext extends BaseContext, NotificationsDeps {
  readonly loaders: ReturnType<typeof createLoaders>;
}

/** One SQL query per relation per request. */
function createLoaders(db: NotificationsDb) {
  return {
    deliveriesOf: new DataLoader<{ id: string; type: string }, DeliveryLogEntry[], string>(
      async (notifications) => {
        const rows = await deliveriesOfNotifications(db, notifications.map((n) => n.id));
        return notifications.map((n) => rows.filter((row) => row.notificationId === n.id).map((row) => ({ ...row, type: n.type })));
      },
      { cacheKeyFn: (n) => n.id },
    ),
  };
}

export function createNotificationsContext(base: BaseContext, deps: NotificationsDeps): NotificationsContext {
  return { ...base, ...deps, loaders: createLoaders(deps.db) };
}
