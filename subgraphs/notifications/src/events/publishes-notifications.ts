import { Topics, writeEvents, type NotificationCreatedV1 } from '@medappt/platform';
import type { NotificationRow } from '../db/schema.ts';
import type { NotificationsTx } from '../repository/db.ts';

/** `notification.created` for each, in the transaction that wrote the items: ids only, so the topic never holds what the message says (visits, reasons). */
export async function publishNotificationsCreated(tx: NotificationsTx, created: readonly NotificationRow[]): Promise<void> {
  await writeEvents(
    tx,
    Topics.notifications.name,
    created.map((notification) => {
      const payload: NotificationCreatedV1 = {
        notificationId: notification.id,
        recipientId: notification.userId,
        type: notification.type,
        createdAt: notification.createdAt.toISOString(),
      };
      return { type: 'notification.created' as const, key: notification.userId, payload, occurredAt: notification.createdAt };
    }),
  );
}
