import { hashToken } from '../adapters/token-issuer.ts';
import type { UsersContext } from '../context.ts';
import { publishSessionEnded } from '../events/publishes-users.ts';
import type { MutationLogoutArgs } from '../generated/resolvers-types.ts';
import { findRefreshTokenForUpdate, revokeFamily } from '../repository/refresh-tokens.ts';

/**
 * Ends the session the token belongs to, and its access tokens everywhere within seconds
 * (`session.ended`); unknown or already-ended tokens are not an error.
 */
export async function logOut(ctx: UsersContext, { refreshToken }: MutationLogoutArgs): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const row = await findRefreshTokenForUpdate(tx, hashToken(refreshToken));
    if (row && !row.revokedAt) {
      const now = new Date();
      await revokeFamily(tx, row.familyId, 'logout', now);
      await publishSessionEnded(tx, { userId: row.userId, sessionId: row.familyId, reason: 'logout', endedAt: now });
    }
    return true;
  });
}
