import type { Logger } from '@medappt/platform';
import { afterFailedAttempt, type RetryPolicy } from '../domain/retry.ts';
import type { Sender } from '../channels/senders.ts';
import type { NotificationsDb, NotificationsTx } from '../repository/db.ts';
import { claimDueDeliveries, recordAttempt, type DueDelivery } from '../repository/deliveries.ts';

export interface DeliveryWorkerDeps {
  db: NotificationsDb;
  logger: Logger;
  now: () => Date;
  senders: { EMAIL: Sender; SMS: Sender };
  retry: RetryPolicy;
  batchSize: number;
}

async function attempt(tx: NotificationsTx, delivery: DueDelivery, deps: DeliveryWorkerDeps): Promise<void> {
  const sender = deps.senders[delivery.channel as 'EMAIL' | 'SMS'];
  const log = deps.logger.child({ deliveryId: delivery.id, notificationId: delivery.notificationId, channel: delivery.channel, type: delivery.type });
  try {
    if (!delivery.address) throw new Error('no email address known for this account yet');
    await sender.send({ to: delivery.address, subject: delivery.subject, text: delivery.body });
    await recordAttempt(tx, delivery.id, { status: 'SENT', provider: sender.provider, at: deps.now(), address: delivery.address });
    log.info({ attempt: delivery.attempts + 1, provider: sender.provider }, 'delivered');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const next = afterFailedAttempt(delivery.attempts + 1, deps.now(), deps.retry);
    await recordAttempt(tx, delivery.id, { ...next, provider: sender.provider, error: message, at: deps.now() });
    if (next.status === 'RETRYING') log.warn({ attempt: delivery.attempts + 1, nextAttemptAt: next.nextAttemptAt, err: message }, 'delivery failed; will retry');
    else log.error({ attempt: delivery.attempts + 1, err: message }, 'delivery failed for good');
  }
}

/**
 * One pass of the delivery worker: claims due email/SMS deliveries (FOR UPDATE SKIP LOCKED), sends
 * each and records the outcome in the same transaction. A failed send is retried with backoff and
 * marked FAILED after the last attempt. Returns how many deliveries it handled.
 */
export async function deliverDue(deps: DeliveryWorkerDeps): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const due = await claimDueDeliveries(tx, deps.now(), deps.batchSize);
    // Side by side: the email transport is pooled, and one slow send must not hold up the batch.
    await Promise.all(due.map((delivery) => attempt(tx, delivery, deps)));
    return due.length;
  });
}
