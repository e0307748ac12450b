/** When repeated failed logins lock an account or an address out for a while. Pure. */

export interface ThrottleLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  windowSeconds: number;
}

/**
 * Times of failed attempts inside the window, newest first; for the account only those after
 * its last successful login (a success clears the account's count, not the address's).
 */
export interface RecentFailures {
  account: readonly Date[];
  ip: readonly Date[];
}

export type ThrottleDecision = { allowed: true } | { allowed: false; scope: 'account' | 'ip'; retryAfterSeconds: number };

export function decideThrottle(failures: RecentFailures, limits: ThrottleLimits, now: Date): ThrottleDecision {
  const check = (times: readonly Date[], max: number): number | null => {
    // Locked while `max` failures sit in the window; it lifts when the max-th newest leaves it.
    const pivot = times[max - 1];
    if (!pivot) return null;
    const releaseAt = pivot.getTime() + limits.windowSeconds * 1000;
    return releaseAt > now.getTime() ? Math.ceil((releaseAt - now.getTime()) / 1000) : null;
  };
  const account = check(failures.account, limits.maxFailuresPerAccount);
  if (account !== null) return { allowed: false, scope: 'account', retryAfterSeconds: account };
  const ip = check(failures.ip, limits.maxFailuresPerIp);
  if (ip !== null) return { allowed: false, scope: 'ip', retryAfterSeconds: ip };
  return { allowed: true };
}
