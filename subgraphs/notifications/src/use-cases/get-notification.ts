import { badUserInput, isUuid } from '@medappt/platform';
import type { NotificationsContext } from '../context.ts';
import type { NotificationRow } from '../db/schema.ts';
import { findInboxItem } from '../repository/notifications.ts';

/**
 * `notification(id)`: the viewer's own item, else null, as `appointment(id)` does. Unknown,
 * someone else's and anonymous look the same, so the field tells nothing about other inboxes.
 */
export async function getNotification(ctx: NotificationsContext, input: { id: string }): Promise<NotificationRow | null> {
  if (!isUuid(input.id)) throw badUserInput('id', 'must be a notification id');
  const viewer = ctx.auth.viewer;
  return viewer ? findInboxItem(ctx.db, viewer.userId, input.id) : null;
}
