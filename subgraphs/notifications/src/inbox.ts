import { badUserInput, forbidden, isUuid, notFound, pageSize, requireViewer } from '@medappt/platform';
import type { NotificationsContext } from './context.ts';
import type { NotificationRow } from './db/schema.ts';
import { findInboxItem, inboxPage, markAllRead, markRead, unreadCount } from './repository/notifications.ts';

/** The inbox belongs to its account alone: not even staff or admins read someone else's. */
function ownInbox(ctx: NotificationsContext, userId: string): void {
  const viewer = requireViewer(ctx.auth);
  if (viewer.userId !== userId) throw forbidden("Only the account itself can read its notifications.");
}

export async function notificationsOf(ctx: NotificationsContext, userId: string, args: { first?: number | null; after?: string | null; unreadOnly?: boolean | null }): Promise<NotificationRow[]> {
  ownInbox(ctx, userId);
  if (args.after && !isUuid(args.after)) throw badUserInput('after', 'must be the id of a notification from the previous page');
  return inboxPage(ctx.db, userId, { first: pageSize(args.first), after: args.after ?? null, unreadOnly: args.unreadOnly ?? false });
}

export async function unreadNotificationCount(ctx: NotificationsContext, userId: string): Promise<number> {
  ownInbox(ctx, userId);
  return unreadCount(ctx.db, userId);
}

/**
 * `notification(id)`: the viewer's own item, else null, as `appointment(id)` does. Unknown,
 * someone else's and anonymous look the same, so the field tells nothing about other inboxes.
 */
export async function inboxItem(ctx: NotificationsContext, id: string): Promise<NotificationRow | null> {
  if (!isUuid(id)) throw badUserInput('id', 'must be a notification id');
  const viewer = ctx.auth.viewer;
  return viewer ? findInboxItem(ctx.db, viewer.userId, id) : null;
}

export async function markNotificationRead(ctx: NotificationsContext, id: string): Promise<NotificationRow> {
  const viewer = requireViewer(ctx.auth);
  if (!isUuid(id)) throw badUserInput('id', 'must be a notification id');
  const row = await markRead(ctx.db, viewer.userId, id, ctx.now());
  // Someone else's notification reads as missing: ids are not a way to probe other inboxes.
  if (!row) throw notFound('Notification', id);
  return row;
}

export async function markAllNotificationsRead(ctx: NotificationsContext): Promise<number> {
  return markAllRead(ctx.db, requireViewer(ctx.auth).userId, ctx.now());
}

