import { and, desc, eq, lte, sql } from 'drizzle-orm';
import { contacts, deliveries, deliveryOpen, notifications, type DeliveryRow } from '../db/schema.ts';
import type { NotificationsDbOrTx, NotificationsTx } from './db.ts';

/** A delivery with the type of its notification: one row of the delivery log. */
export type DeliveryLogEntry = DeliveryRow & { type: string };

export interface DueDelivery extends DeliveryLogEntry {
  subject: string;
  body: string;
  /** Whether the account's user.created has reached us: an unknown account may still get an address. */
  accountKnown: boolean;
}

/**
 * Claims up to `limit` due deliveries for this transaction. SKIP LOCKED: another worker's claimed
 * rows are passed over, not waited for, so two workers never send the same message.
 */
export async function claimDueDeliveries(tx: NotificationsTx, now: Date, limit: number): Promise<DueDelivery[]> {
  const rows = await tx
    .select({
      delivery: deliveries,
      type: notifications.type,
      subject: notifications.subject,
      body: notifications.body,
      email: contacts.email,
      contact: contacts.userId,
    })
    .from(deliveries)
    .innerJoin(notifications, eq(notifications.id, deliveries.notificationId))
    .leftJoin(contacts, eq(contacts.userId, deliveries.userId))
    .where(and(deliveryOpen(deliveries), lte(deliveries.nextAttemptAt, now)))
    .orderBy(deliveries.nextAttemptAt)
    .limit(limit)
    .for('update', { of: deliveries, skipLocked: true });
  // An email address not known when the notice was written is the account's current one.
  return rows.map((r) => ({
    ...r.delivery,
    address: r.delivery.address || (r.delivery.channel === 'EMAIL' ? (r.email ?? '') : ''),
    type: r.type,
    subject: r.subject,
    body: r.body,
    accountKnown: r.contact !== null,
  }));
}

/** What one attempt at a delivery came to. */
export type AttemptOutcome = (
  | { status: 'SENT'; provider: string; at: Date }
  | { status: 'RETRYING' | 'FAILED' | 'SKIPPED'; provider: string; error: string; nextAttemptAt?: Date; at: Date }
) & { address?: string };

/** Records the outcome of each attempt; the sent ones (nearly all) in one statement. */
export async function recordAttempts(tx: NotificationsTx, attempts: readonly (AttemptOutcome & { id: string })[]): Promise<void> {
  const sent = attempts.filter((a) => a.status === 'SENT');
  if (sent.length > 0) {
    const values = sql.join(
      sent.map((a) => sql`(${a.id}::uuid, ${a.provider}, ${a.address ?? null}, ${a.at.toISOString()}::timestamptz)`),
      sql`, `,
    );
    await tx.execute(sql`
      update ${deliveries} set status = 'SENT', provider = v.provider, address = coalesce(v.address, ${deliveries.address}),
        attempts = ${deliveries.attempts} + 1, updated_at = v.at, sent_at = v.at, last_error = null
      from (values ${values}) as v (id, provider, address, at)
      where ${deliveries.id} = v.id`);
  }
  for (const { id, ...outcome } of attempts.filter((a) => a.status !== 'SENT')) await recordAttempt(tx, id, outcome);
}

async function recordAttempt(tx: NotificationsTx, id: string, outcome: AttemptOutcome): Promise<void> {
  await tx
    .update(deliveries)
    .set({
      status: outcome.status,
      provider: outcome.provider,
      ...(outcome.address && { address: outcome.address }),
      attempts: sql`${deliveries.attempts} + 1`,
      updatedAt: outcome.at,
      ...(outcome.status === 'SENT'
        ? { sentAt: outcome.at, lastError: null }
        : { lastError: outcome.error, ...(outcome.nextAttemptAt && { nextAttemptAt: outcome.nextAttemptAt }) }),
    })
    .where(eq(deliveries.id, id));
}

export async function deliveryLog(
  db: NotificationsDbOrTx,
  filter: { status?: string | null; userId?: string | null; first: number },
): Promise<DeliveryLogEntry[]> {
  const conditions = [];
  if (filter.status) conditions.push(eq(deliveries.status, filter.status));
  if (filter.userId) conditions.push(eq(deliveries.userId, filter.userId));
  const rows = await db
    .select({ delivery: deliveries, type: notifications.type })
    .from(deliveries)
    .innerJoin(notifications, eq(notifications.id, deliveries.notificationId))
    .where(and(...conditions))
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(filter.first);
  return rows.map((r) => ({ ...r.delivery, type: r.type }));
}
