import { describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../../src/domain/retry.ts';
import { DEFAULT_RETRY_POLICY, afterFailedAttempt } from '../../src/domain/retry.ts';

const NOW = new Date('2026-06-01T12:00:00Z');
const seconds = (s: number) => new Date(NOW.getTime() + s * 1000).toISOString();

describe('afterFailedAttempt', () => {
  it.each<[number, RetryPolicy, string | null]>([
    // attempts so far, policy, next attempt (null: give up)
    [1, DEFAULT_RETRY_POLICY, seconds(30)],
    [2, DEFAULT_RETRY_POLICY, seconds(60)],
    [3, DEFAULT_RETRY_POLICY, seconds(120)],
    [4, DEFAULT_RETRY_POLICY, seconds(240)],
    [5, DEFAULT_RETRY_POLICY, null],
    [6, DEFAULT_RETRY_POLICY, null],
    [8, { maxAttempts: 20, baseDelayMs: 30_000, maxDelayMs: 3_600_000 }, seconds(3600)],
    [19, { maxAttempts: 20, baseDelayMs: 30_000, maxDelayMs: 3_600_000 }, seconds(3600)],
    [20, { maxAttempts: 20, baseDelayMs: 30_000, maxDelayMs: 3_600_000 }, null],
    [1, { maxAttempts: 1, baseDelayMs: 1000, maxDelayMs: 1000 }, null],
  ])('after attempt %i', (attempts, policy, next) => {
    const outcome = afterFailedAttempt(attempts, NOW, policy);
    expect(outcome).toEqual(next === null ? { status: 'FAILED' } : { status: 'RETRYING', nextAttemptAt: new Date(next) });
  });

  it.each([0, -1, 1.5])('rejects %s attempts', (attempts) => {
    expect(() => afterFailedAttempt(attempts, NOW, DEFAULT_RETRY_POLICY)).toThrow(RangeError);
  });
});
