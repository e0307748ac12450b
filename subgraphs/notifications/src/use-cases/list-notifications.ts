import { badUserInput, forbidden, isUuid, pageSize, requireViewer } from '@medappt/platform';
import type { NotificationsContext } from '../context.ts';
import type { NotificationRow } from '../db/schema.ts';
import { inboxPage } from '../repository/notifications.ts';

/** The inbox belongs to its account alone: not even staff or admins read someone else's. */
export function requireOwnInbox(ctx: NotificationsContext, userId: string): void {
  const viewer = requireViewer(ctx.auth);
  if (viewer.userId !== userId) throw forbidden('Only the account itself can read its notifications.');
}

/** User.notifications: a page of the account's own inbox, newest first. */
export async function listNotifications(
  ctx: NotificationsContext,
  input: { userId: string; first?: number | null; after?: string | null; unreadOnly?: boolean | null },
): Promise<NotificationRow[]> {
  requireOwnInbox(ctx, input.userId);
  if (input.after && !isUuid(input.after)) throw badUserInput('after', 'must be the id of a notification from the previous page');
  return inboxPage(ctx.db, input.userId, { first: pageSize(input.first), after: input.after ?? null, unreadOnly: input.unreadOnly ?? false });
}
