import { badUserInput } from '@medappt/platform';
import { hashToken } from '../adapters/token-issuer.ts';
import type { UsersContext } from '../context.ts';
import type { MutationCompleteRegistrationArgs } from '../generated/resolvers-types.ts';
import { findOpenSignUpByToken, markSignUpCompleted } from '../repository/pending-sign-ups.ts';
import type { AuthPayloadMapper } from '../schema.mappers.ts';
import { insertAccount } from './new-account.ts';
import { openSession } from './open-session.ts';

const INVALID_LINK = 'This sign-up link is not valid: it was used already, has expired, or a newer one replaced it. Start signing up again.';

/** Self sign-up, step 2: the link's token creates the PATIENT account (once) and signs it in. */
export async function completeRegistration(ctx: UsersContext, { token }: MutationCompleteRegistrationArgs): Promise<AuthPayloadMapper> {
  if (token.length === 0 || token.length > 200) throw badUserInput('token', INVALID_LINK);
  return ctx.db.transaction(async (tx) => {
    const now = new Date();
    const pending = await findOpenSignUpByToken(tx, hashToken(token), now);
    if (!pending?.name || !pending.passwordHash) throw badUserInput('token', INVALID_LINK);
    const user = await insertAccount(tx, { email: pending.email, name: pending.name, role: 'PATIENT', passwordHash: pending.passwordHash }, ctx.logger);
    // Whoever holds the link owns the address, so they may be told it has an account now.
    if (!user) throw badUserInput('token', 'An account with this email already exists: sign in instead.');
    await markSignUpCompleted(tx, pending.id, now);
    return openSession(tx, ctx.tokens, user);
  });
}
