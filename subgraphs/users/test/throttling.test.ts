import { describe, expect, it } from 'vitest';
import { errorCodes, PASSWORD, adminSession, client, registeredPatient, uniqueEmail, type GraphQLResult } from '@medappt/testkit';

// The test run uses the defaults: per (account, address) 5 failures then a 60 s backoff that doubles;
// 30 failures per account from all addresses in an hour; 20 per address in 15 minutes.
const WRONG = 'wrong password!';

interface Attempt {
  email: string;
  ip: string;
  success: boolean;
  failure: string | null;
}

async function auditOf(filter: { email?: string; ip?: string }): Promise<Attempt[]> {
  const c = client();
  const admin = await adminSession(c);
  const audit = await c.call<{ loginAttempts: Attempt[] }>(
    'query($email: String, $ip: String) { loginAttempts(email: $email, ip: $ip, first: 100) { email ip success failure } }',
    filter,
    { token: admin.accessToken },
  );
  if (!audit.data) throw new Error(`loginAttempts failed: ${JSON.stringify(audit.errors)}`);
  return audit.data.loginAttempts;
}

const tally = (values: readonly unknown[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
  return counts;
};

const retryAfter = (result: GraphQLResult<unknown>): unknown => result.errors?.[0]?.extensions?.['retryAfterSeconds'];

describe('login throttling and audit', () => {
  it('counts each guess before checking it: of 25 parallel guesses from one address, 5 are checked', async () => {
    const c = client();
    const { email } = await registeredPatient();
    const results = await Promise.all(Array.from({ length: 25 }, () => c.login(email, WRONG)));

    expect(tally(results.flatMap(errorCodes))).toEqual({ UNAUTHENTICATED: 5, RATE_LIMITED: 20 });
    for (const limited of results.filter((r) => errorCodes(r)[0] === 'RATE_LIMITED')) {
      expect(limited.errors?.[0]?.message).toMatch(/^Too many failed sign-in attempts for this account from your address\. Try again in 1 minute\.$/);
      expect(retryAfter(limited)).toBeGreaterThan(0);
    }
    const audit = await auditOf({ email });
    expect(tally(audit.map((a) => a.failure))).toEqual({ BAD_CREDENTIALS: 5, THROTTLED: 20 });
    expect(audit.every((a) => a.ip === c.ip && !a.success)).toBe(true);
  });

  it('backs off an account at one address after 5 failures, even with the right password, without locking the account', async () => {
    const attacker = client();
    const { email } = await registeredPatient();
    for (let i = 0; i < 5; i += 1) expect(errorCodes(await attacker.login(email, WRONG))).toEqual(['UNAUTHENTICATED']);

    const backedOff = await attacker.login(email, PASSWORD);
    expect(errorCodes(backedOff)).toEqual(['RATE_LIMITED']);
    expect(backedOff.errors?.[0]?.message).toMatch(/for this account from your address\. Try again in 1 minute\./);
    expect(retryAfter(backedOff)).toBeGreaterThan(0);
    expect(retryAfter(backedOff)).toBeLessThanOrEqual(60);

    const elsewhere = client();
    expect((await elsewhere.login(email, PASSWORD)).errors).toBeUndefined();
    const audit = await auditOf({ email });
    expect(audit.map((a) => [a.ip, a.failure])).toEqual([
      [elsewhere.ip, null],
      [attacker.ip, 'THROTTLED'],
      ...Array.from({ length: 5 }, () => [attacker.ip, 'BAD_CREDENTIALS']),
    ]);
  });

  it('lets the owner in from an address they signed in from before, while attackers elsewhere exhaust the account limit', async () => {
    const owner = client();
    const { email } = await registeredPatient();
    expect((await owner.login(email, PASSWORD)).errors).toBeUndefined();

    // 6 addresses × 5 guesses: each pair under its own limit, 30 for the account in all.
    const attackers = Array.from({ length: 6 }, () => client());
    const guesses = await Promise.all(attackers.flatMap((a) => Array.from({ length: 5 }, () => a.login(email, WRONG))));
    expect(tally(guesses.flatMap(errorCodes))).toEqual({ UNAUTHENTICATED: 30 });

    const newDevice = await client().login(email, PASSWORD);
    expect(errorCodes(newDevice)).toEqual(['RATE_LIMITED']);
    expect(newDevice.errors?.[0]?.message).toMatch(/^Too many failed sign-in attempts for this account\. Try again in 60 minutes\.$/);
    expect(retryAfter(newDevice)).toBeGreaterThan(3500);
    const anotherGuess = await client().login(email, WRONG);
    expect(errorCodes(anotherGuess)).toEqual(['RATE_LIMITED']);

    const owners = await owner.login(email, PASSWORD);
    expect(owners.errors).toBeUndefined();
    expect(owners.data?.login.user.email).toBe(email);
  });

  it('a success before the limit clears the pair count', async () => {
    const c = client();
    const { email } = await registeredPatient();
    for (let i = 0; i < 4; i += 1) await c.login(email, WRONG);
    expect((await c.login(email, PASSWORD)).errors).toBeUndefined();
    for (let i = 0; i < 4; i += 1) await c.login(email, WRONG);
    expect((await c.login(email, PASSWORD)).errors).toBeUndefined();
  });

  it('limits an address that sprays many accounts, also in parallel', async () => {
    const c = client();
    const spray = await Promise.all(Array.from({ length: 25 }, () => c.login(uniqueEmail('spray'), WRONG)));
    expect(tally(spray.flatMap(errorCodes))).toEqual({ UNAUTHENTICATED: 20, RATE_LIMITED: 5 });

    const { email } = await registeredPatient();
    const blocked = await c.login(email, PASSWORD);
    expect(errorCodes(blocked)).toEqual(['RATE_LIMITED']);
    expect(blocked.errors?.[0]?.message).toMatch(/^Too many failed sign-in attempts from your address\. Try again in 15 minutes\.$/);
    expect(retryAfter(blocked)).toBeGreaterThan(800);
    // Another address is not affected.
    expect((await client().login(email, PASSWORD)).errors).toBeUndefined();

    expect(tally((await auditOf({ ip: c.ip })).map((a) => a.failure))).toEqual({ BAD_CREDENTIALS: 20, THROTTLED: 6 });
  });

  it('keeps the audit for admins only', async () => {
    const c = client();
    const { session } = await registeredPatient();
    expect(errorCodes(await c.call('{ loginAttempts { id } }', {}, { token: session.accessToken }))).toEqual(['FORBIDDEN']);
  });
});
