import { rateLimited } from '@medappt/platform';
import type { UsersContext } from '../context.ts';
import { minutesInWords } from '../domain/login-throttle.ts';
import { decideSignUp, historySince, SIGN_UP_ANSWER } from '../domain/sign-up-rules.ts';
import type { RegisterInput, RegistrationStarted } from '../generated/resolvers-types.ts';
import { insertPendingSignUp, lockSignUpKeys, signUpHistory } from '../repository/pending-sign-ups.ts';
import { findUserByEmail } from '../repository/users.ts';
import { prepareAccount } from './new-account.ts';

/**
 * Self sign-up, step 1 (adr/009). Answers the same whether or not the address has an account, and
 * takes as long (the password is hashed either way); what differs is only the email the worker
 * sends: a link, or "you already have an account".
 */
export async function startRegistration(ctx: UsersContext, input: RegisterInput): Promise<RegistrationStarted> {
  const limits = ctx.signUpLimits;
  const account = await prepareAccount(input, 'PATIENT', 'input');
  const key = { email: account.email, ip: ctx.clientIp };
  const outcome = await ctx.db.transaction(async (tx) => {
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
      ip: ctx.clientIp,
      requestId: ctx.requestId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + limits.linkSeconds * 1000),
      nextSendAt: decision.sendEmail ? now : null,
    });
    return decision;
  });
  if (!outcome.allowed) {
    ctx.logger.warn({ ip: ctx.clientIp }, 'sign-up throttled');
    throw rateLimited(`Too many sign-ups from your address. Try again in ${minutesInWords(outcome.retryAfterSeconds)}.`, outcome.retryAfterSeconds);
  }
  if (outcome.sendEmail) ctx.signUpMailQueued();
  return { email: account.email, message: SIGN_UP_ANSWER };
}
