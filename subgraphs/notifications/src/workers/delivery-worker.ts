import type { Logger, Sender } from '@medappt/platform';
import { afterFailedAttempt, type RetryPolicy } from '../domain/retry.ts';
import type { NotificationsDb } from '../repository/db.ts';
import { claimDueDeliveries, recordAttempts, type AttemptOutcome, type DueDelivery } from '../repository/deliveries.ts';

export interface DeliveryWorkerDeps {
  db: NotificationsDb;
  logger: Logger;
  now: () => Date;
  senders: { EMAIL: Sender; SMS: Sender };
  retry: RetryPolicy;
  batchSize: number;
}

export const NO_ADDRESS = 'no email address for this account';

/**
 * An account without an address is SKIPPED: nothing can be sent, and retrying changes nothing. One
 * whose user.created has not reached us yet may still get one, so it waits, retried on the failed-send
 * schedule (DELIVERY_MAX_ATTEMPTS attempts DELIVERY_RETRY_BASE_MS apart, doubling), and is SKIPPED
 * when that runs out instead of FAILED: no send failed, there was nothing to send to.
 */
function withoutAddress(delivery: DueDelivery, deps: DeliveryWorkerDeps, provider: string, log: Logger): AttemptOutcome {
  const next = delivery.accountKnown ? null : afterFailedAttempt(delivery.attempts + 1, deps.now(), deps.retry);
  if (next?.status === 'RETRYING') {
    log.info({ attempt: delivery.attempts + 1, nextAttemptAt: next.nextAttemptAt }, 'delivery waits for the account to be known');
    return { ...next, provider, error: 'no email address known for this account yet', at: deps.now() };
  }
  const error = delivery.accountKnown ? NO_ADDRESS : `${NO_ADDRESS} (the account was not known after ${delivery.attempts + 1} attempts)`;
  log.warn({ attempt: delivery.attempts + 1 }, `delivery skipped: ${error}`);
  return { status: 'SKIPPED', provider, error, at: deps.now() };
}

async function attempt(delivery: DueDelivery, deps: DeliveryWorkerDeps): Promise<AttemptOutcome> {
  const sender = deps.senders[delivery.channel as 'EMAIL' | 'SMS'];
  const log = deps.logger.child({ deliveryId: delivery.id, notificationId: delivery.notificationId, channel: delivery.channel, type: delivery.type });
  if (!delivery.address) return withoutAddress(delivery, deps, sender.provider, log);
  try {
    await sender.send({ to: delivery.address, subject: delivery.subject, text: delivery.body });
    log.info({ attempt: delivery.attempts + 1, provider: sender.provider }, 'delivered');
    return { status: 'SENT', provider: sender.provider, at: deps.now(), address: delivery.address };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const next = afterFailedAttempt(delivery.attempts + 1, deps.now(), deps.retry);
    if (next.status === 'RETRYING')
      log.warn({ attempt: delivery.attempts + 1, nextAttemptAt: next.nextAttemptAt, err: message }, 'delivery failed; will retry');
    else log.error({ attempt: delivery.attempts + 1, err: message }, 'delivery failed for good');
    return { ...next, provider: sender.provider, error: message, at: deps.now() };
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
    const outcomes = await Promise.all(due.map((delivery) => attempt(delivery, deps)));
    await recordAttempts(
      tx,
      due.map((delivery, i) => ({ ...outcomes[i]!, id: delivery.id })),
    );
    return due.length;
  });
}
