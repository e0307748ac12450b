/**
 * Whether a login attempt may be checked, from the recent history of its account and address. Pure.
 * See docs/adr/009-login-throttling-and-sign-up-enumeration.md.
 */

export interface ThrottleLimits {
  /** One (account, address) pair: this many failures free, then a wait that doubles with each further one. */
  pair: { freeFailures: number; backoffSeconds: number; maxBackoffSeconds: number; windowSeconds: number };
  /** One account from every address, except addresses it signed in from before (`knownAddressSeconds`). */
  account: { maxFailures: number; windowSeconds: number };
  /** One address across every account (password spraying). */
  ip: { maxFailures: number; windowSeconds: number };
  knownAddressSeconds: number;
}

/**
 * What the attempt log says about one email at one address. A failure is an unsuccessful attempt that
 * was (or is being) checked: throttled attempts do not count, attempts still being checked do.
 */
export interface AttemptHistory {
  /** Failures of this pair since its last success, inside the pair window. */
  pair: { failures: number; lastFailureAt: Date | null };
  /** Failures for this email from every address inside the account window, newest first, at most `account.maxFailures`. */
  account: readonly Date[];
  /** Failures from this address inside the ip window, newest first, at most `ip.maxFailures`. */
  ip: readonly Date[];
  /** This address signed in to this account inside `knownAddressSeconds`. */
  knownAddress: boolean;
}

/** The periods the history is read over, and how many times each list needs. */
export interface HistoryWindows {
  pairSince: Date;
  accountSince: Date;
  accountLimit: number;
  ipSince: Date;
  ipLimit: number;
  knownSince: Date;
}

export type ThrottleScope = 'pair' | 'account' | 'ip';
export type ThrottleDecision = { allowed: true } | { allowed: false; scope: ThrottleScope; retryAfterSeconds: number };

const before = (now: Date, seconds: number): Date => new Date(now.getTime() - seconds * 1000);

export function historyWindows(limits: ThrottleLimits, now: Date): HistoryWindows {
  return {
    pairSince: before(now, limits.pair.windowSeconds),
    accountSince: before(now, limits.account.windowSeconds),
    accountLimit: limits.account.maxFailures,
    ipSince: before(now, limits.ip.windowSeconds),
    ipLimit: limits.ip.maxFailures,
    knownSince: before(now, limits.knownAddressSeconds),
  };
}

/** How long a pair waits after its latest failure: 0 while under the free failures, then doubling up to the cap. */
export function pairBackoffSeconds(failures: number, pair: ThrottleLimits['pair']): number {
  if (failures < pair.freeFailures) return 0;
  return Math.min(pair.backoffSeconds * 2 ** (failures - pair.freeFailures), pair.maxBackoffSeconds);
}

export function decideThrottle(history: AttemptHistory, limits: ThrottleLimits, now: Date): ThrottleDecision {
  const secondsUntil = (releaseAtMs: number): number | null => (releaseAtMs > now.getTime() ? Math.ceil((releaseAtMs - now.getTime()) / 1000) : null);
  // Sliding window: blocked while `max` failures sit in it; it lifts when the max-th newest leaves.
  const windowWait = (times: readonly Date[], max: number, windowSeconds: number): number | null => {
    const pivot = times[max - 1];
    return pivot ? secondsUntil(pivot.getTime() + windowSeconds * 1000) : null;
  };
  const { lastFailureAt, failures } = history.pair;
  const waits: [ThrottleScope, number | null][] = [
    ['pair', lastFailureAt ? secondsUntil(lastFailureAt.getTime() + pairBackoffSeconds(failures, limits.pair) * 1000) : null],
    // An address the owner signed in from before is judged by its own pair only: an attacker elsewhere cannot lock the owner out.
    ['account', history.knownAddress ? null : windowWait(history.account, limits.account.maxFailures, limits.account.windowSeconds)],
    ['ip', windowWait(history.ip, limits.ip.maxFailures, limits.ip.windowSeconds)],
  ];
  // The longest wait is the one to report: retrying after a shorter one would only be refused again.
  let decision: ThrottleDecision = { allowed: true };
  for (const [scope, wait] of waits) {
    if (wait !== null && (decision.allowed || wait > decision.retryAfterSeconds)) decision = { allowed: false, scope, retryAfterSeconds: wait };
  }
  return decision;
}

/** "5 minutes", "1 minute": how long a refused caller waits, rounded up to whole minutes. */
export function minutesInWords(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
