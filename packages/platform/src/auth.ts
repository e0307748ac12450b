import { createRemoteJWKSet, jwtVerify, errors as joseErrors, type FlattenedJWSInput, type JWTHeaderParameters, type JWTVerifyGetKey } from 'jose';
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

/** How many verified access tokens a verifier remembers (least recently used dropped first): ~9 MiB of heap when full. */
export const VERIFIED_TOKENS_KEPT = 10_000;

/** A token whose signature was checked: what it says, and the key it was checked with. */
interface Verified {
  /** Its `expiresAt` (`exp`) is always set: past it the token is verified again, so jose reports it expired. */
  readonly viewer: Viewer;
  readonly header: JWTHeaderParameters;
  readonly jws: FlattenedJWSInput;
  readonly key: unknown;
}

/**
 * Verifies access tokens against a key set: every subgraph calls this itself, so reaching a
 * subgraph without the router gives no more rights than going through it.
 *
 * A token seen before skips only the signature check (ES256, ~0.15 ms of CPU, the largest part of a
 * small request), which is safe because nothing else is skipped (docs/adr/016): the entry is keyed
 * by the whole token string, so it applies to exactly the bytes whose signature was checked; the
 * key is looked up in the key set again on every request and must be the very key the signature was
 * checked with, so a key removed or replaced in the JWKS (a rotation: the set is refetched as
 * before) ends the entry just as it would end a full verification; `exp` is compared with the
 * clock on every request as jose does (valid while exp > now, in whole seconds), so an expired
 * token is verified again and refused with the same message; issuer, audience, type and algorithm
 * are the verifier's fixed options, so the same bytes pass them again. Only successes are
 * remembered, and a token without `exp` is never remembered. Revocation (withRevocations) sits
 * outside this and judges every request.
 */
export function createTokenVerifier(options: {
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  /** Milliseconds since the epoch (tests move it). */
  clock?: () => number;
  kept?: number;
}): TokenVerifier {
  const clock = options.clock ?? Date.now;
  const kept = options.kept ?? VERIFIED_TOKENS_KEPT;
  // A Map iterates in insertion order: a hit is re-inserted, so the first key is the least recently used.
  const verified = new Map<string, Verified>();

  const remembered = async (token: string, nowSeconds: number): Promise<Viewer | null> => {
    const entry = verified.get(token);
    if (!entry) return null;
    verified.delete(token);
    if ((entry.viewer.expiresAt ?? 0) <= nowSeconds) return null;
    let key: unknown;
    try {
      key = await options.keys(entry.header, entry.jws);
    } catch {
      return null;
    }
    if (key !== entry.key) return null;
    verified.set(token, entry);
    return entry.viewer;
  };

  return async (authorization) => {
    if (!authorization) return { viewer: null };
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const token = match?.[1];
    if (!token) return { viewer: null, problem: 'The Authorization header must be "Bearer <access token>".' };
    const now = clock();
    const known = await remembered(token, Math.floor(now / 1000));
    if (known) return { viewer: known };
    try {
      let key: unknown;
      const { payload, protectedHeader } = await jwtVerify(
        token,
        async (header, jws) => {
          key = await options.keys(header, jws);
          return key as Awaited<ReturnType<JWTVerifyGetKey>>;
        },
        {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: [ACCESS_TOKEN_ALG],
          typ: 'at+jwt',
          currentDate: new Date(now),
        },
      );
      const role = payload['role'];
      if (typeof payload.sub !== 'string' || !Roles.includes(role as Role)) {
        return { viewer: null, problem: 'The access token is invalid.' };
      }
      const sid = payload['sid'];
      const viewer: Viewer = {
        userId: payload.sub,
        role: role as Role,
        sessionId: typeof sid === 'string' ? sid : undefined,
        issuedAt: payload.iat,
        expiresAt: payload.exp,
      };
      if (payload.exp !== undefined) {
        const [encodedHeader, encodedPayload, signature] = token.split('.') as [string, string, string];
        verified.set(token, { viewer, header: protectedHeader, jws: { protected: encodedHeader, payload: encodedPayload, signature }, key });
        if (verified.size > kept) verified.delete(verified.keys().next().value!);
      }
      return { viewer };
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
