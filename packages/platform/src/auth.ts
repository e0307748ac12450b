import { createRemoteJWKSet, jwtVerify, errors as joseErrors, type JWTVerifyGetKey } from 'jose';
import { forbidden, unauthenticated } from './errors.ts';
import { REFUSAL_MESSAGES, type Denylist } from './revocation.ts';

export const Roles = ['PATIENT', 'DOCTOR', 'STAFF', 'ADMIN'] as const;
export type Role = (typeof Roles)[number];

export interface Viewer {
  readonly userId: string;
  readonly role: Role;
  /** The session (refresh-token family) of the token: `sid`; absent in tokens issued before it existed. */
  readonly sessionId?: string | undefined;
  /** `iat`, seconds since the epoch. */
  readonly issuedAt?: number | undefined;
  /** `exp`, seconds since the epoch: when a long-lived connection (a subscription socket) must re-authenticate. */
  readonly expiresAt?: number | undefined;
}

/** Who is calling: a verified viewer, or nobody and, when a token was sent but rejected, why. */
export interface AuthState {
  readonly viewer: Viewer | null;
  readonly problem?: string;
}

export type TokenVerifier = (authorization: string | undefined) => Promise<AuthState>;

export const ACCESS_TOKEN_ALG = 'ES256';

/**
 * Verifies access tokens against a key set: every subgraph calls this itself, so reaching a
 * subgraph without the router gives no more rights than going through it.
 */
export function createTokenVerifier(options: { keys: JWTVerifyGetKey; issuer: string; audience: string }): TokenVerifier {
  return async (authorization) => {
    if (!authorization) return { viewer: null };
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) return { viewer: null, problem: 'The Authorization header must be "Bearer <access token>".' };
    try {
      const { payload } = await jwtVerify(match[1], options.keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: [ACCESS_TOKEN_ALG],
        typ: 'at+jwt',
      });
      const role = payload['role'];
      if (typeof payload.sub !== 'string' || !Roles.includes(role as Role)) {
        return { viewer: null, problem: 'The access token is invalid.' };
      }
      const sid = payload['sid'];
      return {
        viewer: {
          userId: payload.sub,
          role: role as Role,
          sessionId: typeof sid === 'string' ? sid : undefined,
          issuedAt: payload.iat,
          expiresAt: payload.exp,
        },
      };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        return { viewer: null, problem: 'The access token has expired: call refreshToken to get a new one.' };
      }
      return { viewer: null, problem: 'The access token is invalid.' };
    }
  };
}

/**
 * Adds revocation to a verifier: a valid token of a disabled account or an ended session is
 * refused, saying why (adr/012).
 */
export function withRevocations(verify: TokenVerifier, denylist: Denylist | undefined): TokenVerifier {
  if (!denylist) return verify;
  return async (authorization) => {
    const state = await verify(authorization);
    if (!state.viewer) return state;
    const refusal = denylist.refusal(state.viewer, Date.now());
    return refusal ? { viewer: null, problem: REFUSAL_MESSAGES[refusal] } : state;
  };
}

export function remoteKeySet(jwksUrl: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 10_000, cacheMaxAge: 10 * 60_000 });
}

export function requireViewer(auth: AuthState): Viewer {
  if (auth.viewer) return auth.viewer;
  throw unauthenticated(auth.problem);
}

export function requireRole(auth: AuthState, ...roles: Role[]): Viewer {
  const viewer = requireViewer(auth);
  if (!roles.includes(viewer.role)) throw forbidden(`Only ${roles.join(' or ')} accounts may do this.`);
  return viewer;
}
