import type { NotificationsContext } from '../context.ts';
import { unreadCount } from '../repository/notifications.ts';
import { requireOwnInbox } from './list-notifications.ts';

/** User.unreadNotificationCount: only the account itself may read it. */
export async function countUnreadNotifications(ctx: NotificationsContext, input: { userId: string }): Promise<number> {
  requireOwnInbox(ctx, input.userId);
  return unreadCount(ctx.db, input.userId);
}
