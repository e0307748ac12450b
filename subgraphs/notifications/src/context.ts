import DataLoader from 'dataloader';
import { groupByKeys, isUuid, type BaseContext } from '@medappt/platform';
import type { NotificationsDb } from './repository/db.ts';
import type { DeliveryLogEntry } from './repository/deliveries.ts';
import { deliveriesOfNotifications } from './repository/notifications.ts';
import { remindersOfAppointments, type AppointmentReminderRow } from './repository/reminders.ts';

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
    remindersOf: new DataLoader<string, AppointmentReminderRow[]>(async (ids) => {
      // A key that is not a UUID cannot match and must not reach Postgres as one.
      const keys = ids.map((id) => id.toLowerCase());
      return groupByKeys(keys, await remindersOfAppointments(db, keys.filter(isUuid)), (row) => row.reminder.appointmentId);
    }),
  };
}

export function createNotificationsContext(base: BaseContext, deps: NotificationsDeps): NotificationsContext {
  return { ...base, ...deps, loaders: createLoaders(deps.db) };
}
