import type { UserRow } from './db/schema.ts';
import type { UsersDbOrTx } from './repository/db.ts';
import { insertRefreshToken } from './repository/refresh-tokens.ts';
import type { TokenIssuer } from './tokens/token-issuer.ts';

/** Where a request came from, for the login audit and per-address throttling. */
export interface Caller {
  ip: string;
  userAgent: string | undefined;
  requestId: string;
}

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: UserRow;
}

/** A new session (a refresh-token family) and its first access token. */
export async function openSession(conn: UsersDbOrTx, tokens: TokenIssuer, user: UserRow): Promise<Session> {
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
