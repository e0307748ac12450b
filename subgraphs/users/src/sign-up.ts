import { badUserInput, rateLimited, type Logger } from '@medappt/platform';
import { createAccount, prepareAccount, type NewAccount } from './account-creation.ts';
import { minutesInWords } from './domain/login-throttle.ts';
import { decideSignUp, historySince, SIGN_UP_ANSWER, type SignUpLimits } from './domain/sign-up-rules.ts';
import type { UsersDb } from './repository/db.ts';
import { findOpenSignUpByToken, insertPendingSignUp, lockSignUpKeys, markSignUpCompleted, signUpHistory } from './repository/pending-sign-ups.ts';
import { findUserByEmail } from './repository/users.ts';
import { openSession, type Caller, type Session } from './sessions.ts';
import { hashToken, type TokenIssuer } from './tokens/token-issuer.ts';

export interface RegistrationStarted {
  email: string;
  message: string;
}

const INVALID_LINK = 'This sign-up link is not valid: it was used already, has expired, or a newer one replaced it. Start signing up again.';

/**
 * Self sign-up in two steps (adr/009). `start` answers the same whether or not the address has an
 * account, and takes as long (the password is hashed either way); what differs is only the email
 * the worker sends: a link, or "you already have an account". `complete` creates the account.
 */
export function createSignUp(deps: { db: UsersDb; tokens: TokenIssuer; limits: SignUpLimits; logger: Logger; mailQueued: () => void }) {
  const { db, tokens, limits, logger } = deps;
  return {
    async start(input: NewAccount, caller: Caller): Promise<RegistrationStarted> {
      const account = await prepareAccount(input, 'PATIENT', 'input');
      const key = { email: account.email, ip: caller.ip };
      const outcome = await db.transaction(async (tx) => {
        await lockSignUpKeys(tx, key);
        const now = new Date();
        const decision = decideSignUp(await signUpHistory(tx, key, historySince(limits, now)), limits, now);
        if (!decision.allowed) return decision;
        const taken = (await findUserByEmail(tx, account.email)) !== null;
        await insertPendingSignUp(tx, {
          email: account.email,
          kind: taken ? 'TAKEN' : 'NEW',
          name: taken ? null : account.name,
          passwordHash: taken ? null : account.passwordHash,
          ip: caller.ip,
          requestId: caller.requestId,
          createdAt: now,
          expiresAt: new Date(now.getTime() + limits.linkSeconds * 1000),
          nextSendAt: decision.sendEmail ? now : null,
        });
        return decision;
      });
      if (!outcome.allowed) {
        logger.warn({ ip: caller.ip }, 'sign-up throttled');
        throw rateLimited(`Too many sign-ups from your address. Try again in ${minutesInWords(outcome.retryAfterSeconds)}.`, outcome.retryAfterSeconds);
      }
      if (outcome.sendEmail) deps.mailQueued();
      return { email: account.email, message: SIGN_UP_ANSWER };
    },

    async complete(token: string): Promise<Session> {
      if (token.length === 0 || token.length > 200) throw badUserInput('token', INVALID_LINK);
      return db.transaction(async (tx) => {
        const now = new Date();
        const pending = await findOpenSignUpByToken(tx, hashToken(token), now);
        if (!pending?.name || !pending.passwordHash) throw badUserInput('token', INVALID_LINK);
        const user = await createAccount(tx, { email: pending.email, name: pending.name, role: 'PATIENT', passwordHash: pending.passwordHash }, logger);
        // Whoever holds the link owns the address, so they may be told it has an account now.
        if (!user) throw badUserInput('token', 'An account with this email already exists: sign in instead.');
        await markSignUpCompleted(tx, pending.id, now);
        return openSession(tx, tokens, user);
      });
    },
  };
}
export type SignUp = ReturnType<typeof createSignUp>;
