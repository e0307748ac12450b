import { hash, verify } from '@node-rs/argon2';
import { rateLimited, rejectProblems, unauthenticated } from '@medappt/platform';
import type { UsersContext } from '../context.ts';
import { emailProblems, normaliseEmail } from '../domain/account-rules.ts';
import { decideThrottle, historyWindows, minutesInWords, type ThrottleScope } from '../domain/login-throttle.ts';
import type { LoginInput } from '../generated/resolvers-types.ts';
import { attemptHistory, insertLoginAttempt, lockAttemptKeys, settleLoginAttempt, type LoginFailure } from '../repository/login-attempts.ts';
import { findUserByEmail } from '../repository/users.ts';
import type { AuthPayloadMapper } from '../schema.mappers.ts';
import { openSession } from './open-session.ts';

const INVALID_CREDENTIALS = 'Invalid email or password.';
// Verified against when the email is unknown, so both failures take as long (no account probing by timing).
const DUMMY_HASH = hash('not-a-real-password-for-timing');

// The same words whether or not the email has an account: throttling must not tell which exist.
const THROTTLED_FROM: Record<ThrottleScope, string> = {
  pair: 'for this account from your address',
  account: 'for this account',
  ip: 'from your address',
};

function throttledMessage(scope: ThrottleScope, retryAfterSeconds: number): string {
  return `Too many failed sign-in attempts ${THROTTLED_FROM[scope]}. Try again in ${minutesInWords(retryAfterSeconds)}.`;
}

/** Signs in with email and password, throttled per account, address and pair (adr/009); every attempt is audited. */
export async function logIn(ctx: UsersContext, input: LoginInput): Promise<AuthPayloadMapper> {
  const { db, loginThrottle: throttle, logger } = ctx;
  const email = normaliseEmail(input.email);
  rejectProblems(emailProblems(email), 'input');
  const key = { email, ip: ctx.clientIp };

  // The attempt is counted before its password is checked, in a short transaction of its own:
  // parallel guesses queue on the lock and each sees the ones reserved before it.
  const { attemptId, decision } = await db.transaction(async (tx) => {
    await lockAttemptKeys(tx, key);
    const now = new Date();
    const decision = decideThrottle(await attemptHistory(tx, key, historyWindows(throttle, now)), throttle, now);
    const attemptId = await insertLoginAttempt(tx, {
      ...key,
      userAgent: ctx.userAgent,
      requestId: ctx.requestId,
      at: now,
      failure: decision.allowed ? 'PENDING' : 'THROTTLED',
    });
    return { attemptId, decision };
  });
  if (!decision.allowed) {
    logger.warn({ email, ip: ctx.clientIp, scope: decision.scope }, 'login throttled');
    throw rateLimited(throttledMessage(decision.scope, decision.retryAfterSeconds), decision.retryAfterSeconds);
  }

  // A crash from here on leaves the attempt PENDING, which keeps counting as a failure.
  const settle = (userId: string | null, failure: LoginFailure | null) => settleLoginAttempt(db, attemptId, { userId, success: failure === null, failure });
  const user = await findUserByEmail(db, email);
  const passwordOk = await verify(user?.passwordHash ?? (await DUMMY_HASH), input.password);
  if (!user || !passwordOk) {
    await settle(user?.id ?? null, 'BAD_CREDENTIALS');
    throw unauthenticated(INVALID_CREDENTIALS);
  }
  if (user.disabledAt) {
    await settle(user.id, 'DISABLED');
    throw unauthenticated('This account is disabled. Contact the clinic.');
  }
  const session = await openSession(db, ctx.tokens, user);
  await settle(user.id, null);
  return session;
}
