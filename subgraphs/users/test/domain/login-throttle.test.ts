import { describe, expect, it } from 'vitest';
import { decideThrottle, type RecentFailures } from '../../src/domain/login-throttle.ts';

const limits = { maxFailuresPerAccount: 3, maxFailuresPerIp: 5, windowSeconds: 600 };
const now = new Date('2026-11-22T12:00:00Z');
const ago = (seconds: number): Date => new Date(now.getTime() - seconds * 1000);
const times = (...secondsAgo: number[]): Date[] => secondsAgo.map(ago);

describe('decideThrottle', () => {
  it.each<[string, RecentFailures, ReturnType<typeof decideThrottle>]>([
    ['no failures', { account: [], ip: [] }, { allowed: true }],
    ['below the account limit', { account: times(10, 20), ip: times(10, 20) }, { allowed: true }],
    ['account limit reached', { account: times(10, 20, 30), ip: times(10, 20, 30) }, { allowed: false, scope: 'account', retryAfterSeconds: 570 }],
    ['lock lifts when the 3rd newest failure leaves the window', { account: times(10, 20, 600), ip: [] }, { allowed: true }],
    ['ip limit across accounts', { account: times(5), ip: times(1, 2, 3, 4, 100) }, { allowed: false, scope: 'ip', retryAfterSeconds: 500 }],
    ['account wins when both are over', { account: times(1, 2, 3), ip: times(1, 2, 3, 4, 5) }, { allowed: false, scope: 'account', retryAfterSeconds: 597 }],
  ])('%s', (_name, failures, expected) => {
    expect(decideThrottle(failures, limits, now)).toEqual(expected);
  });
});
