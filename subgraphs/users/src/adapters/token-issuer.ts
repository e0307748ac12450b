import { createHash, randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { ACCESS_TOKEN_ALG, type Role } from '@medappt/platform';
import type { SigningKey } from './signing-key.ts';

export interface TokenSettings {
  issuer: string;
  audience: string;
  accessTokenSeconds: number;
  refreshTokenSeconds: number;
}

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

export function createTokenIssuer(key: SigningKey, settings: TokenSettings) {
  return {
    /** `sessionId` (claim `sid`) is the refresh-token family: ending the session revokes its access tokens (adr/012). */
    async accessToken(user: { id: string; role: Role }, sessionId: string, now = new Date()): Promise<IssuedAccessToken> {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const expiresAt = issuedAt + settings.accessTokenSeconds;
      const token = await new SignJWT({ role: user.role, sid: sessionId })
        .setProtectedHeader({ alg: ACCESS_TOKEN_ALG, kid: key.kid, typ: 'at+jwt' })
        .setSubject(user.id)
        .setIssuer(settings.issuer)
        .setAudience(settings.audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .setJti(randomBytes(12).toString('base64url'))
        .sign(key.privateKey);
      return { token, expiresAt: new Date(expiresAt * 1000) };
    },
    refreshToken(now = new Date()): { token: string; hash: string; expiresAt: Date } {
      const { token, hash } = secretToken();
      return { token, hash, expiresAt: new Date(now.getTime() + settings.refreshTokenSeconds * 1000) };
    },
  };
}
export type TokenIssuer = ReturnType<typeof createTokenIssuer>;

/** A random single-use secret (refresh token, sign-up link) and the sha256 that is all we keep of it. */
export function secretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
