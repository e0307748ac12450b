import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { deliveries, notifications, type DeliveryRow, type NotificationRow } from '../db/schema.ts';
import type { NotificationsDbOrTx } from './db.ts';

export type NewNotification = typeof notifications.$inferInsert;
export type NewDelivery = typeof deliveries.$inferInsert;

/** Inserts each notification once per (source, user, type); those that already exist (a replay) are not returned. */
export async function insertNotifications(db: NotificationsDbOrTx, rows: readonly NewNotification[]): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(notifications)
    .values([...rows])
    .onConflictDoNothing()
    .returning();
}

export const DELIVERIES_CHANNEL = 'notifications_deliveries';

/**
 * Queues deliveries; when one is PENDING, the delivery worker is woken as the transaction commits
 * (NOTIFY is transactional), by the same statement.
 */
export async function insertDeliveries(db: NotificationsDbOrTx, rows: NewDelivery[]): Promise<void> {
  if (rows.length === 0) return;
  const insert = db.insert(deliveries).values(rows);
  if (rows.some((row) => row.status === undefined || row.status === 'PENDING'))
    await db.execute(sql`with inserted as (${insert.getSQL()}) select pg_notify(${DELIVERIES_CHANNEL}, '')`);
  else await insert;
}

/** A page of a user's inbox, newest first; `after` is the last id of the previous page. */
export async function inboxPage(
  db: NotificationsDbOrTx,
  userId: string,
  options: { first: number; after: string | null; unreadOnly: boolean },
): Promise<NotificationRow[]> {
  const conditions = [eq(notifications.userId, userId)];
  if (options.unreadOnly) conditions.push(isNull(notifications.readAt));
  if (options.after) {
    const cursor = db
      .select({ createdAt: notifications.createdAt })
      .from(notifications)
      .where(and(eq(notifications.id, options.after), eq(notifications.userId, userId)));
    conditions.push(
      or(lt(notifications.createdAt, sql`(${cursor})`), and(eq(notifications.createdAt, sql`(${cursor})`), lt(notifications.id, options.after)))!,
    );
  }
  return db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.first);
}

/** The notification when it is in this user's inbox; null otherwise, whether it exists or not. */
export async function findInboxItem(db: NotificationsDbOrTx, userId: string, id: string): Promise<NotificationRow | null> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return row ?? null;
}

export async function unreadCount(db: NotificationsDbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function markRead(db: NotificationsDbOrTx, userId: string, id: string, at: Date): Promise<NotificationRow | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row ?? null;
}

export async function markAllRead(db: NotificationsDbOrTx, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function deliveriesOfNotifications(db: NotificationsDbOrTx, notificationIds: readonly string[]): Promise<DeliveryRow[]> {
  return db
    .select()
    .from(deliveries)
    .where(inArray(deliveries.notificationId, [...notificationIds]))
    .orderBy(deliveries.createdAt, deliveries.id);
}
