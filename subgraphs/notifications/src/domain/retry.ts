/**
 * When to try a failed delivery again: exponential backoff (base, 2x base, 4x base, ...) capped
 * at maxDelayMs, until maxAttempts attempts have been made. No jitter: deliveries are picked up
 * by a polling worker, whose poll interval already spreads them.
 */

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

export type AfterFailure = { status: 'RETRYING'; nextAttemptAt: Date } | { status: 'FAILED' };

/** `attempts`: attempts made so far, the failed one included. */
export function afterFailedAttempt(attempts: number, now: Date, policy: RetryPolicy): AfterFailure {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a whole number of at least 1, got ${attempts}`);
  if (attempts >= policy.maxAttempts) return { status: 'FAILED' };
  const delay = Math.min(policy.baseDelayMs * 2 ** (attempts - 1), policy.maxDelayMs);
  return { status: 'RETRYING', nextAttemptAt: new Date(now.getTime() + delay) };
}
