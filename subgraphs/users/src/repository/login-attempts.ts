import { and, count, desc, eq, gt, max, sql, type SQL } from 'drizzle-orm';
import { countsTowardsThrottle, loginAttempts, succeeded, type LoginAttemptRow } from '../db/schema.ts';
import type { AttemptHistory, HistoryWindows } from '../domain/login-throttle.ts';
import type { UsersDbOrTx, UsersTx } from './db.ts';

/** PENDING: reserved and counted as a failure while its password is checked; settled to one of the others (or success) after. */
export type LoginFailure = 'PENDING' | 'BAD_CREDENTIALS' | 'DISABLED' | 'THROTTLED';

interface AttemptKey {
  email: string;
  ip: string;
}

// Two-key advisory lock classes, so an email and an address never share a lock.
const EMAIL_LOCK = 7101;
const IP_LOCK = 7102;

/**
 * Serialises attempts on one email and on one address until the transaction ends, so each reads
 * the attempts reserved before it. Always email then address: no two callers wait on each other in a circle.
 */
export async function lockAttemptKeys(tx: UsersTx, key: AttemptKey): Promise<void> {
  await lockEmailThenAddress(tx, { emailLock: EMAIL_LOCK, ipLock: IP_LOCK }, key);
}

/** Transaction-scoped advisory locks on an email, then an address, each in its own lock class. */
export async function lockEmailThenAddress(tx: UsersTx, classes: { emailLock: number; ipLock: number }, key: AttemptKey): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${classes.emailLock}, hashtext(${key.email}))`);
  await tx.execute(sql`select pg_advisory_xact_lock(${classes.ipLock}, hashtext(${key.ip}))`);
}

export async function insertLoginAttempt(
  db: UsersDbOrTx,
  attempt: { email: string; ip: string; userAgent: string | undefined; failure: 'PENDING' | 'THROTTLED'; requestId: string; at: Date },
): Promise<number> {
  const [row] = await db
    .insert(loginAttempts)
    .values({ ...attempt, userAgent: attempt.userAgent ?? null, userId: null, success: false })
    .returning({ id: loginAttempts.id });
  return row!.id;
}

/** The outcome of a reserved attempt, once its password has been checked. */
export async function settleLoginAttempt(
  db: UsersDbOrTx,
  id: number,
  outcome: { userId: string | null; success: boolean; failure: LoginFailure | null },
): Promise<void> {
  await db.update(loginAttempts).set(outcome).where(eq(loginAttempts.id, id));
}

const counted = countsTowardsThrottle(loginAttempts);

export async function attemptHistory(db: UsersDbOrTx, key: AttemptKey, windows: HistoryWindows): Promise<AttemptHistory> {
  const ofPair = and(eq(loginAttempts.email, key.email), eq(loginAttempts.ip, key.ip));
  const pairSuccess = and(ofPair, succeeded(loginAttempts));
  const lastPairSuccess = sql`coalesce((select max(${loginAttempts.at}) from ${loginAttempts} where ${pairSuccess}), '-infinity')`;
  const newest = (where: SQL | undefined, limit: number) =>
    db.select({ at: loginAttempts.at }).from(loginAttempts).where(where).orderBy(desc(loginAttempts.at)).limit(limit);
  const [[pair], [known], account, ip] = await Promise.all([
    db
      .select({ failures: count(), lastFailureAt: max(loginAttempts.at) })
      .from(loginAttempts)
      .where(and(ofPair, counted, gt(loginAttempts.at, windows.pairSince), sql`${loginAttempts.at} > ${lastPairSuccess}`)),
    db
      .select({ id: loginAttempts.id })
      .from(loginAttempts)
      .where(and(pairSuccess, gt(loginAttempts.at, windows.knownSince)))
      .limit(1),
    newest(and(eq(loginAttempts.email, key.email), counted, gt(loginAttempts.at, windows.accountSince)), windows.accountLimit),
    newest(and(eq(loginAttempts.ip, key.ip), counted, gt(loginAttempts.at, windows.ipSince)), windows.ipLimit),
  ]);
  return {
    pair: { failures: pair?.failures ?? 0, lastFailureAt: pair?.lastFailureAt ?? null },
    account: account.map((r) => r.at),
    ip: ip.map((r) => r.at),
    knownAddress: known !== undefined,
  };
}

export async function listLoginAttempts(db: UsersDbOrTx, filter: { email?: string | null; ip?: string | null; first: number }): Promise<LoginAttemptRow[]> {
  const conditions: SQL[] = [];
  if (filter.email) conditions.push(eq(loginAttempts.email, filter.email));
  if (filter.ip) conditions.push(eq(loginAttempts.ip, filter.ip));
  return db
    .select()
    .from(loginAttempts)
    .where(and(...conditions))
    .orderBy(desc(loginAttempts.at), desc(loginAttempts.id))
    .limit(filter.first);
}
