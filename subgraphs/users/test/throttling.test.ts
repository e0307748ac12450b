import { describe, expect, it } from 'vitest';
import { errorCodes, testEnv, PASSWORD, client, registeredPatient, uniqueEmail } from '@medappt/testkit';

// The test run uses the defaults: 5 failures per account, 20 per address, in 15 minutes.
describe('login throttling and audit', () => {
  it('locks an account after 5 failures, even with the right password, and audits every attempt', async () => {
    const c = client();
    const { email } = await registeredPatient(c);
    for (let i = 0; i < 5; i += 1) expect(errorCodes(await c.login(email, 'wrong password!'))).toEqual(['UNAUTHENTICATED']);

    const locked = await client().login(email, PASSWORD);
    expect(errorCodes(locked)).toEqual(['RATE_LIMITED']);
    expect(locked.errors?.[0]?.message).toMatch(/Too many failed sign-in attempts for this account. Try again in 15 minutes/);
    expect(locked.errors?.[0]?.extensions?.['retryAfterSeconds']).toBeGreaterThan(800);

    const admin = await client().login(testEnv().admin.email, testEnv().admin.password);
    const audit = await c.call<{ loginAttempts: { email: string; ip: string; success: boolean; failure: string | null }[] }>(
      'query($email: String) { loginAttempts(email: $email) { email ip success failure at } }',
      { email },
      { token: admin.data!.login.accessToken },
    );
    expect(audit.data?.loginAttempts.map((a) => a.failure)).toEqual(['THROTTLED', ...Array<string>(5).fill('BAD_CREDENTIALS')]);
    expect(audit.data?.loginAttempts[1]).toMatchObject({ email, ip: c.ip, success: false });
  });

  it('a success before the limit clears the account count', async () => {
    const c = client();
    const { email } = await registeredPatient(c);
    for (let i = 0; i < 4; i += 1) await c.login(email, 'wrong password!');
    expect((await c.login(email, PASSWORD)).errors).toBeUndefined();
    for (let i = 0; i < 4; i += 1) await c.login(email, 'wrong password!');
    expect((await c.login(email, PASSWORD)).errors).toBeUndefined();
  });

  it('locks an address that sprays many accounts', async () => {
    const c = client();
    for (let i = 0; i < 20; i += 1) await c.login(uniqueEmail('spray'), 'wrong password!');
    const { email } = await registeredPatient(client());
    const blocked = await c.login(email, PASSWORD);
    expect(errorCodes(blocked)).toEqual(['RATE_LIMITED']);
    expect(blocked.errors?.[0]?.message).toMatch(/from your address/);
    // Another address is not affected.
    expect((await client().login(email, PASSWORD)).errors).toBeUndefined();
  });

  it('keeps the audit for admins only', async () => {
    const c = client();
    const { session } = await registeredPatient(c);
    expect(errorCodes(await c.call('{ loginAttempts { id } }', {}, { token: session.accessToken }))).toEqual(['FORBIDDEN']);
  });
});
