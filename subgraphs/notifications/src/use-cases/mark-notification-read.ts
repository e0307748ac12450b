import { badUserInput, isUuid, notFound, requireViewer } from '@medappt/platform';
import type { NotificationsContext } from '../context.ts';
import type { NotificationRow } from '../db/schema.ts';
import { markRead } from '../repository/notifications.ts';

export async function markNotificationRead(ctx: NotificationsContext, input: { id: string }): Promise<NotificationRow> {
  const viewer = requireViewer(ctx.auth);
  if (!isUuid(input.id)) throw badUserInput('id', 'must be a notification id');
  const row = await markRead(ctx.db, viewer.userId, input.id, ctx.now());
  // Someone else's notification reads as missing: ids are not a way to probe other inboxes.
  if (!row) throw notFound('Notification', input.id);
  return row;
}
