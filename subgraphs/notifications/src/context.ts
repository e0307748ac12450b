import DataLoader from 'dataloader';
import { groupByKeys, type BaseContext } from '@medappt/platform';
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
        const ids = notifications.map((n) => n.id);
        const groups = groupByKeys(ids, await deliveriesOfNotifications(db, ids), (row) => row.notificationId);
        return notifications.map((n, i) => groups[i]!.map((row) => ({ ...row, type: n.type })));
      },
      { cacheKeyFn: (n) => n.id },
    ),
  };
}

export function createNotificationsContext(base: BaseContext, deps: NotificationsDeps): NotificationsContext {
  return { ...base, ...deps, loaders: createLoaders(deps.db) };
}
