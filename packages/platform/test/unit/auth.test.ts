import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTVerifyGetKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_ALG, createDenylist, createTokenVerifier, withRevocations, type TokenVerifier } from '../../src/index.ts';

// Now, in whole seconds: withRevocations judges token age by the real clock.
const T = Math.floor(Date.now() / 1000) * 1000;
const USER = '11111111-1111-4111-8111-111111111111';
const SID = '33333333-3333-4333-8333-333333333333';
const EXPIRED = 'The access token has expired: call refreshToken to get a new one.';
const INVALID = 'The access token is invalid.';

interface Key {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}
let a: Key;
let b: Key;

async function newKey(kid: string): Promise<Key> {
  const { publicKey, privateKey } = await generateKeyPair(ACCESS_TOKEN_ALG);
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: ACCESS_TOKEN_ALG, use: 'sig' } };
}

function token(key: Key, claims: { sub?: string; sid?: string; iat?: number; exp?: number } = {}): Promise<string> {
  const iat = claims.iat ?? Math.floor(T / 1000);
  return new SignJWT({ role: 'PATIENT', sid: claims.sid ?? SID })
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALG, kid: key.kid, typ: 'at+jwt' })
    .setSubject(claims.sub ?? USER)
    .setIssuer('medappt-users')
    .setAudience('medappt')
    .setIssuedAt(iat)
    .setExpirationTime(claims.exp ?? iat + 900)
    .sign(key.privateKey);
}

/**
 * A verifier on a key set that can change, as the remote one does when it refetches the JWKS
 * (createRemoteJWKSet builds a new local set from each answer), and a clock the test moves.
 */
function verifierOn(keys: Key[]): { verify: TokenVerifier; publish(keys: Key[]): void; at(ms: number): void } {
  let set = createLocalJWKSet({ keys: keys.map((k) => k.jwk) });
  let now = T;
  const getKey: JWTVerifyGetKey = (header, jws) => set(header, jws);
  return {
    verify: createTokenVerifier({ keys: getKey, issuer: 'medappt-users', audience: 'medappt', clock: () => now }),
    publish: (next) => (set = createLocalJWKSet({ keys: next.map((k) => k.jwk) })),
    at: (ms) => (now = ms),
  };
}

const bearer = (t: string): string => `Bearer ${t}`;

beforeAll(async () => {
  [a, b] = await Promise.all([newKey('a'), newKey('b')]);
});

describe('token verification, a token seen before', () => {
  it('is accepted again until its exp, then refused as expired', async () => {
    const { verify, at } = verifierOn([a]);
    const t = await token(a);
    expect((await verify(bearer(t))).viewer).toMatchObject({ userId: USER, sessionId: SID, role: 'PATIENT' });
    at(T + 899_999);
    expect((await verify(bearer(t))).viewer?.userId).toBe(USER);
    at(T + 900_000);
    expect(await verify(bearer(t))).toEqual({ viewer: null, problem: EXPIRED });
    at(T + 3_600_000);
    expect(await verify(bearer(t))).toEqual({ viewer: null, problem: EXPIRED });
  });

  it('is refused when its session ended or its account was disabled after it was verified', async () => {
    const { verify } = verifierOn([a]);
    const denylist = createDenylist({ retentionMs: 960_000 });
    const withDenylist = withRevocations(verify, denylist);
    const other = '22222222-2222-4222-8222-222222222222';
    const [mine, theirs] = await Promise.all([token(a), token(a, { sub: other, sid: '44444444-4444-4444-8444-444444444444' })]);
    expect((await withDenylist(bearer(mine))).viewer?.userId).toBe(USER);
    expect((await withDenylist(bearer(theirs))).viewer?.userId).toBe(other);
    denylist.sessionEnded(SID, T + 1000, T + 1000);
    denylist.userDisabled(other, T + 1000, T + 1000);
    expect(await withDenylist(bearer(mine))).toEqual({ viewer: null, problem: 'This session has ended; sign in again.' });
    expect(await withDenylist(bearer(theirs))).toEqual({ viewer: null, problem: 'This account is disabled.' });
  });

  it('is refused once its key leaves the key set, and verified afresh when the set is refetched with it', async () => {
    const { verify, publish } = verifierOn([a]);
    const t = await token(a);
    expect((await verify(bearer(t))).viewer?.userId).toBe(USER);
    publish([a, b]);
    expect((await verify(bearer(t))).viewer?.userId).toBe(USER);
    publish([b]);
    expect(await verify(bearer(t))).toEqual({ viewer: null, problem: INVALID });
    publish([a, b]);
    expect((await verify(bearer(t))).viewer?.userId).toBe(USER);
  });

  it('is refused once its key id names another key', async () => {
    const { verify, publish } = verifierOn([a]);
    const t = await token(a);
    expect((await verify(bearer(t))).viewer?.userId).toBe(USER);
    publish([{ ...b, jwk: { ...b.jwk, kid: a.kid } }]);
    expect(await verify(bearer(t))).toEqual({ viewer: null, problem: INVALID });
  });

  it('lends nothing to another token with its header and signature', async () => {
    const { verify } = verifierOn([a]);
    const t = await token(a);
    expect((await verify(bearer(t))).viewer?.userId).toBe(USER);
    const [header, , signature] = t.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ role: 'ADMIN', sid: SID, sub: USER, iss: 'medappt-users', aud: 'medappt', iat: T / 1000, exp: T / 1000 + 900 }),
    ).toString('base64url');
    expect(await verify(bearer(`${header}.${forgedPayload}.${signature}`))).toEqual({ viewer: null, problem: INVALID });
  });
});

describe('token verification, a token refused before', () => {
  it('is judged again: a key published later admits it', async () => {
    const { verify, publish } = verifierOn([a]);
    const t = await token(b);
    expect(await verify(bearer(t))).toEqual({ viewer: null, problem: INVALID });
    publish([a, b]);
    expect((await verify(bearer(t))).viewer?.userId).toBe(USER);
  });
});
