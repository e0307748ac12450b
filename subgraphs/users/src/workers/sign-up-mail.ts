import type { Logger, Sender } from '@medappt/platform';
import { addressTakenEmail, newAccountEmail, nextSendAttempt, signUpLink } from '../domain/sign-up-rules.ts';
import type { UsersDb } from '../repository/db.ts';
import { claimDueSignUpMail, leaseSignUpMail, purgeExpiredSignUps, recordSignUpMailFailed, recordSignUpMailSent } from '../repository/pending-sign-ups.ts';
import { secretToken } from '../adapters/token-issuer.ts';

export interface SignUpMailDeps {
  db: UsersDb;
  logger: Logger;
  email: Sender;
  /** The app's sign-up page; the token follows `#token=`. */
  linkBaseUrl: string;
  batchSize: number;
}

// Long enough for a slow SMTP server (the sender's socket timeout is 30 s).
const LEASE_MS = 60_000;

/**
 * One pass: claims due sign-up emails (FOR UPDATE SKIP LOCKED) and sends each. A link's token is
 * made here and only its hash is stored, committed before the email goes out (the link must work
 * the moment it arrives). A retry makes a new token, so the only working link is in the newest
 * email; a worker that dies mid-send leaves the row leased, and it is sent again after the lease.
 */
export async function sendDueSignUpMail(deps: SignUpMailDeps): Promise<number> {
  const claimed = await deps.db.transaction(async (tx) => {
    const now = new Date();
    const due = await claimDueSignUpMail(tx, now, deps.batchSize);
    return Promise.all(
      due.map(async (row) => {
        const secret = row.kind === 'NEW' ? secretToken() : null;
        await leaseSignUpMail(tx, row.id, { tokenHash: secret?.hash ?? null, until: new Date(now.getTime() + LEASE_MS) });
        return { row, secret };
      }),
    );
  });
  await Promise.all(
    claimed.map(async ({ row, secret }) => {
      const log = deps.logger.child({ signUpId: row.id, kind: row.kind });
      const message = secret
        ? newAccountEmail({ name: row.name ?? '', link: signUpLink(deps.linkBaseUrl, secret.token), token: secret.token, expiresAt: row.expiresAt })
        : addressTakenEmail();
      try {
        await deps.email.send({ to: row.email, ...message });
        await recordSignUpMailSent(deps.db, row.id, new Date());
        log.info({ provider: deps.email.provider }, 'sign-up email sent');
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const next = nextSendAttempt(row.sendAttempts + 1, new Date());
        await recordSignUpMailFailed(deps.db, row.id, { error: reason, nextSendAt: next });
        if (next) log.warn({ err: reason, attempt: row.sendAttempts + 1, nextSendAt: next }, 'sign-up email failed; will retry');
        else log.error({ err: reason, attempt: row.sendAttempts + 1 }, 'sign-up email failed for good');
      }
    }),
  );
  return claimed.length;
}

/** Removes sign-ups a day past their expiry (with the password hashes of accounts never made). */
export async function purgeOldSignUps(deps: { db: UsersDb; logger: Logger }): Promise<void> {
  const removed = await purgeExpiredSignUps(deps.db, new Date(Date.now() - 24 * 3600 * 1000));
  if (removed > 0) deps.logger.info({ removed }, 'expired sign-ups removed');
}
