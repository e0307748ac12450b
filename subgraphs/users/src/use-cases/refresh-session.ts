import { unauthenticated } from '@medappt/platform';
import { hashToken } from '../adapters/token-issuer.ts';
import type { UsersContext } from '../context.ts';
import { publishSessionEnded } from '../events/publishes-users.ts';
import type { MutationRefreshTokenArgs } from '../generated/resolvers-types.ts';
import { findRefreshTokenForUpdate, insertRefreshToken, markRotated, revokeFamily } from '../repository/refresh-tokens.ts';
import { findUsersByIds } from '../repository/users.ts';
import type { AuthPayloadMapper } from '../schema.mappers.ts';

/** Rotates a refresh token: a new pair for the same session; a rotated token used again ends the whole session family. */
export async function refreshSession(ctx: UsersContext, { refreshToken }: MutationRefreshTokenArgs): Promise<AuthPayloadMapper> {
  const { tokens, logger } = ctx;
  const now = new Date();
  const outcome = await ctx.db.transaction(async (tx) => {
    const row = await findRefreshTokenForUpdate(tx, hashToken(refreshToken));
    if (!row) return { error: 'The refresh token is not valid. Sign in again.' } as const;
    if (row.revokedAt) return { error: 'This session has ended. Sign in again.' } as const;
    if (row.rotatedAt) {
      // A rotated token used again means two parties hold it: end every session of the family.
      const revoked = await revokeFamily(tx, row.familyId, 'reuse of a rotated refresh token', now);
      if (revoked > 0) await publishSessionEnded(tx, { userId: row.userId, sessionId: row.familyId, reason: 'refresh-token-reuse', endedAt: now });
      logger.warn({ userId: row.userId, familyId: row.familyId, revoked }, 'refresh token reuse detected; session family revoked');
      return { error: 'This refresh token was already used. For your safety the session has been ended everywhere; sign in again.' } as const;
    }
    if (row.expiresAt <= now) return { error: 'The refresh token has expired. Sign in again.' } as const;
    const [user] = await findUsersByIds(tx, [row.userId]);
    if (!user || user.disabledAt) return { error: 'This account is disabled. Contact the clinic.' } as const;
    await markRotated(tx, row.id, now);
    const next = tokens.refreshToken(now);
    await insertRefreshToken(tx, { userId: user.id, familyId: row.familyId, hash: next.hash, expiresAt: next.expiresAt });
    return { user, next, familyId: row.familyId } as const;
  });
  if ('error' in outcome) throw unauthenticated(outcome.error);
  const access = await tokens.accessToken(outcome.user, outcome.familyId, now);
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: outcome.next.token,
    refreshTokenExpiresAt: outcome.next.expiresAt,
    user: outcome.user,
  };
}
