import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, generateKeyPair, importJWK, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { errorCodes, postAsRouter, testEnv, client, registeredPatient } from '@medappt/testkit';

async function signWithServiceKey(claims: { sub: string; role: string }, expiresAt: number): Promise<string> {
  const jwk = JSON.parse(readFileSync(join(testEnv().keysDir, 'users-signing-key.jwk.json'), 'utf8')) as JWK;
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid!, typ: 'at+jwt' })
    .setSubject(claims.sub)
    .setIssuer('medappt-users')
    .setAudience('medappt')
    .setIssuedAt(expiresAt - 900)
    .setExpirationTime(expiresAt)
    .sign(await importJWK(jwk, 'ES256'));
}

describe('access tokens', () => {
  it('rejects an expired token, saying so', async () => {
    const c = client();
    const { session } = await registeredPatient();
    const expired = await signWithServiceKey({ sub: session.user.id, role: 'PATIENT' }, Math.floor(Date.now() / 1000) - 60);
    const me = await c.me(expired);
    expect(errorCodes(me)).toEqual(['UNAUTHENTICATED']);
    expect(me.errors?.[0]?.message).toMatch(/expired/);
  });

  it('rejects a token whose claims were changed after signing', async () => {
    const c = client();
    const { session } = await registeredPatient();
    const [header, payload, signature] = session.accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = [header, Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url'), signature].join('.');
    const attempts = await c.call('{ loginAttempts(first: 1) { id } }', {}, { token: forged });
    expect(errorCodes(attempts)).toEqual(['UNAUTHENTICATED']);
    expect(attempts.errors?.[0]?.message).toBe('The access token is invalid.');
  });

  it('rejects a well-formed token signed by someone else’s key', async () => {
    const c = client();
    const { session } = await registeredPatient();
    const { privateKey } = await generateKeyPair('ES256');
    const foreign = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt' })
      .setSubject(session.user.id)
      .setIssuer('medappt-users')
      .setAudience('medappt')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(errorCodes(await c.me(foreign))).toEqual(['UNAUTHENTICATED']);
  });

  it('gives no back door: the subgraph itself refuses protected fields without a valid token', async () => {
    const { usersUrl } = testEnv();
    const noToken = await postAsRouter(usersUrl, '{ me { id } }');
    expect(errorCodes(noToken)).toEqual(['UNAUTHENTICATED']);
    const garbage = await postAsRouter(usersUrl, '{ loginAttempts { id } }', {}, { token: 'not.a.jwt' });
    expect(errorCodes(garbage)).toEqual(['UNAUTHENTICATED']);
    const { session } = await registeredPatient();
    const direct = await postAsRouter<{ me: { id: string } }>(usersUrl, '{ me { id } }', {}, { token: session.accessToken });
    expect(direct.data?.me.id).toBe(session.user.id);
  });
});

describe('refresh tokens', () => {
  it('rotates: each refresh returns a new pair and the new access token works', async () => {
    const c = client();
    const { session } = await registeredPatient();
    const first = await c.refresh(session.refreshToken);
    expect(first.errors).toBeUndefined();
    const next = first.data!.refreshToken;
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect((await c.me(next.accessToken)).data?.me.id).toBe(session.user.id);
    const second = await c.refresh(next.refreshToken);
    expect(second.errors).toBeUndefined();
  });

  it('treats reuse of a rotated token as theft and ends the whole session family', async () => {
    const c = client();
    const { session } = await registeredPatient();
    const rotated = (await c.refresh(session.refreshToken)).data!.refreshToken;

    const reuse = await c.refresh(session.refreshToken);
    expect(errorCodes(reuse)).toEqual(['UNAUTHENTICATED']);
    expect(reuse.errors?.[0]?.message).toMatch(/already used/);
    // The legitimate holder's newer token is revoked too.
    const afterTheft = await c.refresh(rotated.refreshToken);
    expect(errorCodes(afterTheft)).toEqual(['UNAUTHENTICATED']);
    // A fresh login still works.
    expect((await c.login(session.user.email!, 'correct horse battery')).errors).toBeUndefined();
  });

  it('lets only one of two concurrent refreshes with the same token win', async () => {
    const c = client();
    const { session } = await registeredPatient();
    const results = await Promise.all([c.refresh(session.refreshToken), c.refresh(session.refreshToken)]);
    expect(results.filter((r) => r.data?.refreshToken).length).toBeLessThanOrEqual(1);
    expect(results.some((r) => errorCodes(r).includes('UNAUTHENTICATED'))).toBe(true);
  });

  it('rejects a made-up refresh token', async () => {
    expect(errorCodes(await client().refresh('made-up-token'))).toEqual(['UNAUTHENTICATED']);
  });

  it('logout ends the session: its refresh token no longer works', async () => {
    const c = client();
    const { session } = await registeredPatient();
    expect((await c.logout(session.refreshToken)).data?.logout).toBe(true);
    const refresh = await c.refresh(session.refreshToken);
    expect(errorCodes(refresh)).toEqual(['UNAUTHENTICATED']);
    expect(refresh.errors?.[0]?.message).toMatch(/session has ended/);
  });
});
