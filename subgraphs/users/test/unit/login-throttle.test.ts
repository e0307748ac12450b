import { describe, expect, it } from 'vitest';
import {
  decideThrottle,
  historyWindows,
  pairBackoffSeconds,
  type AttemptHistory,
  type ThrottleDecision,
  type ThrottleLimits,
} from '../../src/domain/login-throttle.ts';

const limits: ThrottleLimits = {
  pair: { freeFailures: 3, backoffSeconds: 60, maxBackoffSeconds: 600, windowSeconds: 86_400 },
  account: { maxFailures: 4, windowSeconds: 3600 },
  ip: { maxFailures: 5, windowSeconds: 900 },
  knownAddressSeconds: 30 * 86_400,
};
const now = new Date('2026-11-22T12:00:00Z');
const ago = (seconds: number): Date => new Date(now.getTime() - seconds * 1000);
const times = (...secondsAgo: number[]): Date[] => secondsAgo.map(ago);
const history = (over: Partial<AttemptHistory> = {}): AttemptHistory => ({
  pair: { failures: 0, lastFailureAt: null },
  account: [],
  ip: [],
  knownAddress: false,
  ...over,
});
const pair = (failures: number, lastSecondsAgo: number): AttemptHistory['pair'] => ({ failures, lastFailureAt: ago(lastSecondsAgo) });

describe('pairBackoffSeconds', () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 60],
    [4, 120],
    [5, 240],
    [6, 480],
    [7, 600],
    [2000, 600],
  ])('%i failures wait %i s', (failures, wait) => {
    expect(pairBackoffSeconds(failures, limits.pair)).toBe(wait);
  });
});

describe('decideThrottle', () => {
  it.each<[string, AttemptHistory, ThrottleDecision]>([
    ['no history', history(), { allowed: true }],
    ['pair under its free failures', history({ pair: pair(2, 1), account: times(1, 2), ip: times(1, 2) }), { allowed: true }],
    [
      'pair at its free failures waits the base backoff',
      history({ pair: pair(3, 10), account: times(10, 20, 30), ip: times(10, 20, 30) }),
      { allowed: false, scope: 'pair', retryAfterSeconds: 50 },
    ],
    ['pair backoff doubles', history({ pair: pair(4, 10) }), { allowed: false, scope: 'pair', retryAfterSeconds: 110 }],
    ['pair backoff is capped', history({ pair: pair(40, 10) }), { allowed: false, scope: 'pair', retryAfterSeconds: 590 }],
    ['pair allowed once its backoff has passed', history({ pair: pair(4, 120) }), { allowed: true }],
    ['account limit across addresses', history({ account: times(5, 10, 20, 100) }), { allowed: false, scope: 'account', retryAfterSeconds: 3500 }],
    ['account limit does not bind an address the owner signed in from', history({ account: times(5, 10, 20, 100), knownAddress: true }), { allowed: true }],
    [
      'a known address still has its own pair backoff',
      history({ pair: pair(3, 0), account: times(0, 10, 20, 100), knownAddress: true }),
      { allowed: false, scope: 'pair', retryAfterSeconds: 60 },
    ],
    [
      'a known address still has the address limit',
      history({ ip: times(1, 2, 3, 4, 100), knownAddress: true }),
      { allowed: false, scope: 'ip', retryAfterSeconds: 800 },
    ],
    ['account limit lifts when the 4th newest failure leaves the window', history({ account: times(5, 10, 20, 3600) }), { allowed: true }],
    ['address limit across accounts', history({ account: times(5), ip: times(1, 2, 3, 4, 100) }), { allowed: false, scope: 'ip', retryAfterSeconds: 800 }],
    ['address limit lifts when the 5th newest failure leaves the window', history({ ip: times(1, 2, 3, 4, 900) }), { allowed: true }],
    [
      'the longest wait is reported',
      history({ pair: pair(3, 0), account: times(1, 2, 3, 4), ip: times(1, 2, 3, 4, 5) }),
      { allowed: false, scope: 'account', retryAfterSeconds: 3596 },
    ],
    [
      'a pair wait longer than the address wait wins',
      history({ pair: pair(7, 0), ip: times(1, 2, 3, 4, 800) }),
      { allowed: false, scope: 'pair', retryAfterSeconds: 600 },
    ],
  ])('%s', (_name, given, expected) => {
    expect(decideThrottle(given, limits, now)).toEqual(expected);
  });
});

describe('historyWindows', () => {
  it('reads each list over its own window', () => {
    expect(historyWindows(limits, now)).toEqual({
      pairSince: ago(86_400),
      accountSince: ago(3600),
      accountLimit: 4,
      ipSince: ago(900),
      ipLimit: 5,
      knownSince: ago(30 * 86_400),
    });
  });
});
