import type { TokenIssuer } from '../adapters/token-issuer.ts';
import type { UserRow } from '../db/schema.ts';
import type { UsersDbOrTx } from '../repository/db.ts';
import { insertRefreshToken } from '../repository/refresh-tokens.ts';
import type { AuthPayloadMapper } from '../schema.mappers.ts';

/** The step login and sign-up share: a new session (a refresh-token family) and its first access token. */
export async function openSession(conn: UsersDbOrTx, tokens: TokenIssuer, user: UserRow): Promise<AuthPayloadMapper> {
  const refresh = tokens.refreshToken();
  const { familyId } = await insertRefreshToken(conn, { userId: user.id, hash: refresh.hash, expiresAt: refresh.expiresAt });
  const access = await tokens.accessToken(user, familyId);
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: refresh.token,
    refreshTokenExpiresAt: refresh.expiresAt,
    user,
  };
}
