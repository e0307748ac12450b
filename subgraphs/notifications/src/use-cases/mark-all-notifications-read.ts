import { requireViewer } from '@medappt/platform';
import type { NotificationsContext } from '../context.ts';
import { markAllRead } from '../repository/notifications.ts';

/** Returns how many changed. */
export async function markAllNotificationsRead(ctx: NotificationsContext): Promise<number> {
  return markAllRead(ctx.db, requireViewer(ctx.auth).userId, ctx.now());
}
