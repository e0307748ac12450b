import { and, desc, eq, gt, isNull, lt, lte, sql } from 'drizzle-orm';
import { pendingSignUps, type PendingSignUpRow } from '../db/schema.ts';
import type { SignUpHistory } from '../domain/sign-up-rules.ts';
import type { UsersDbOrTx, UsersTx } from './db.ts';
import { lockEmailThenAddress } from './login-attempts.ts';

// Advisory lock classes of their own: sign-ups never wait on logins.
const EMAIL_LOCK = 7103;
const IP_LOCK = 7104;

/** Serialises sign-ups for one email and from one address, so each reads the ones before it. Always email, then address. */
export async function lockSignUpKeys(tx: UsersTx, key: { email: string; ip: string }): Promise<void> {
  await lockEmailThenAddress(tx, { emailLock: EMAIL_LOCK, ipLock: IP_LOCK }, key);
}

export async function signUpHistory(
  tx: UsersDbOrTx,
  key: { email: string; ip: string },
  since: { addressSince: Date; addressLimit: number; emailSince: Date },
): Promise<SignUpHistory> {
  const fromAddress = await tx
    .select({ at: pendingSignUps.createdAt })
    .from(pendingSignUps)
    .where(and(eq(pendingSignUps.ip, key.ip), gt(pendingSignUps.createdAt, since.addressSince)))
    .orderBy(desc(pendingSignUps.createdAt))
    .limit(since.addressLimit);
  // Only requests that queued an email count towards the email's bound.
  const toEmail = await tx
    .select({ at: pendingSignUps.createdAt })
    .from(pendingSignUps)
    .where(
      and(
        eq(pendingSignUps.email, key.email),
        gt(pendingSignUps.createdAt, since.emailSince),
        sql`(${pendingSignUps.nextSendAt} is not null or ${pendingSignUps.sendAttempts} > 0)`,
      ),
    )
    .orderBy(desc(pendingSignUps.createdAt));
  return { fromAddress: fromAddress.map((r) => r.at), toEmail: toEmail.map((r) => r.at) };
}

export async function insertPendingSignUp(
  db: UsersDbOrTx,
  row: Pick<PendingSignUpRow, 'email' | 'kind' | 'name' | 'passwordHash' | 'ip' | 'requestId' | 'createdAt' | 'expiresAt' | 'nextSendAt'>,
): Promise<void> {
  await db.insert(pendingSignUps).values(row);
}

/** Sign-up emails due now, locked for this transaction; rows another worker holds are skipped. */
export async function claimDueSignUpMail(tx: UsersTx, now: Date, limit: number): Promise<PendingSignUpRow[]> {
  return tx
    .select()
    .from(pendingSignUps)
    .where(lte(pendingSignUps.nextSendAt, now))
    .orderBy(pendingSignUps.nextSendAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Stores the hash of the link about to be sent, and holds the row until `until` in case this worker dies while sending. */
export async function leaseSignUpMail(db: UsersDbOrTx, id: string, lease: { tokenHash: string | null; until: Date }): Promise<void> {
  await db.update(pendingSignUps).set({ tokenHash: lease.tokenHash, nextSendAt: lease.until }).where(eq(pendingSignUps.id, id));
}

export async function recordSignUpMailSent(db: UsersDbOrTx, id: string, at: Date): Promise<void> {
  await db
    .update(pendingSignUps)
    .set({ sentAt: at, nextSendAt: null, sendAttempts: sql`${pendingSignUps.sendAttempts} + 1`, lastError: null })
    .where(eq(pendingSignUps.id, id));
}

export async function recordSignUpMailFailed(db: UsersDbOrTx, id: string, outcome: { error: string; nextSendAt: Date | null }): Promise<void> {
  await db
    .update(pendingSignUps)
    .set({ nextSendAt: outcome.nextSendAt, sendAttempts: sql`${pendingSignUps.sendAttempts} + 1`, lastError: outcome.error.slice(0, 1000) })
    .where(eq(pendingSignUps.id, id));
}

/** The unused, unexpired NEW sign-up a link belongs to, locked so it completes once. */
export async function findOpenSignUpByToken(tx: UsersTx, tokenHash: string, now: Date): Promise<PendingSignUpRow | null> {
  const [row] = await tx
    .select()
    .from(pendingSignUps)
    .where(and(eq(pendingSignUps.tokenHash, tokenHash), eq(pendingSignUps.kind, 'NEW'), isNull(pendingSignUps.completedAt), gt(pendingSignUps.expiresAt, now)))
    .for('update');
  return row ?? null;
}

/** Used: the password hash is not kept past the account it made. */
export async function markSignUpCompleted(db: UsersDbOrTx, id: string, at: Date): Promise<void> {
  await db.update(pendingSignUps).set({ completedAt: at, passwordHash: null }).where(eq(pendingSignUps.id, id));
}

/** Expired sign-ups past their grace period hold password hashes for nobody: removed. */
export async function purgeExpiredSignUps(db: UsersDbOrTx, before: Date): Promise<number> {
  const removed = await db.delete(pendingSignUps).where(lt(pendingSignUps.expiresAt, before)).returning({ id: pendingSignUps.id });
  return removed.length;
}
