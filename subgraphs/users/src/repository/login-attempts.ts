import { and, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { loginAttempts, type LoginAttemptRow } from '../db/schema.ts';
import type { RecentFailures } from '../domain/login-throttle.ts';
import type { UsersDbOrTx } from './db.ts';

export type LoginFailure = 'BAD_CREDENTIALS' | 'DISABLED' | 'THROTTLED';

export async function recordLoginAttempt(
  db: UsersDbOrTx,
  attempt: { email: string; userId: string | null; ip: string; userAgent: string | undefined; success: boolean; failure: LoginFailure | null; requestId: string },
): Promise<void> {
  await db.insert(loginAttempts).values({ ...attempt, userAgent: attempt.userAgent ?? null });
}

/** Failures that count towards throttling (THROTTLED attempts themselves do not extend the lock). */
export async function recentFailures(
  db: UsersDbOrTx,
  key: { email: string; ip: string },
  window: { since: Date; accountLimit: number; ipLimit: number },
): Promise<RecentFailures> {
  const counted = and(eq(loginAttempts.success, false), sql`${loginAttempts.failure} <> 'THROTTLED'`, gt(loginAttempts.at, window.since));
  const lastSuccess = sql`coalesce((select max(at) from ${loginAttempts} where email = ${key.email} and success), '-infinity')`;
  const [account, ip] = await Promise.all([
    db
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, key.email), counted, sql`${loginAttempts.at} > ${lastSuccess}`))
      .orderBy(desc(loginAttempts.at))
      .limit(window.accountLimit),
    db
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, key.ip), counted))
      .orderBy(desc(loginAttempts.at))
      .limit(window.ipLimit),
  ]);
  return { account: account.map((r) => r.at), ip: ip.map((r) => r.at) };
}

export async function listLoginAttempts(
  db: UsersDbOrTx,
  filter: { email?: string | null; ip?: string | null; first: number },
): Promise<LoginAttemptRow[]> {
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
