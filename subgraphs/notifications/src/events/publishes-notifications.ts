import { Topics, writeEvent, type NotificationCreatedV1 } from '@medappt/platform';
import type { NotificationRow } from '../db/schema.ts';
import type { NotificationsTx } from '../repository/db.ts';

/** `notification.created`, in the transaction that wrote the item: ids only, so the topic never holds what the message says (visits, reasons). */
export async function publishNotificationCreated(tx: NotificationsTx, notification: NotificationRow): Promise<void> {
  const payload: NotificationCreatedV1 = {
    notificationId: notification.id,
    recipientId: notification.userId,
    type: notification.type,
    createdAt: notification.createdAt.toISOString(),
  };
  await writeEvent(tx, Topics.notifications.name, { type: 'notification.created', key: notification.userId, payload, occurredAt: notification.createdAt });
}
