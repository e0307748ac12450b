import { describe, expect, it } from 'vitest';
import { adminSession, client, errorCodes, PASSWORD, registeredPatient, uniqueEmail } from '@medappt/testkit';

// Postgres refuses U+0000 in text: each of these used to come back as INTERNAL_SERVER_ERROR.
describe('text input rules for accounts, through the router', () => {
  it.each([
    ['a NUL in the name', { name: 'Ana\u0000' }, 'input.name', 'input.name: must not contain control characters (found U+0000)'],
    ['a NUL in the email', { email: `a\u0000${uniqueEmail()}` }, 'input.email', 'input.email: must not contain control characters (found U+0000)'],
    ['CR/LF in the name', { name: 'Ana\r\nBcc: x@example.com' }, 'input.name', 'input.name: must be a single line (no line breaks)'],
    ['an escape sequence in the name', { name: 'Ana \u001b[2J' }, 'input.name', 'input.name: must not contain control characters (found U+001B)'],
  ])('startRegistration refuses %s with BAD_USER_INPUT naming the field, and creates nothing', async (_label, change, field, message) => {
    const c = client();
    const email = uniqueEmail();
    const result = await c.startRegistration({ email, password: PASSWORD, name: 'Ana López', ...change });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { field } });
    expect(errorCodes(await c.login(email, PASSWORD))).toEqual(['UNAUTHENTICATED']);
  });

  it('login refuses a NUL in the email as bad input, not an internal error', async () => {
    const c = client();
    const { email } = await registeredPatient();
    const result = await c.login(`${email}\u0000`, PASSWORD);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.['field']).toBe('input.email');
  });

  it('createUser applies the same rules', async () => {
    const c = client();
    const admin = await adminSession(c);
    const result = await c.call(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email: uniqueEmail('doctor'), password: PASSWORD, name: 'Dr.\nWho', role: 'DOCTOR' } },
      { token: admin.accessToken },
    );
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.['field']).toBe('input.name');
  });

  it('the login audit refuses a NUL in its filters', async () => {
    const c = client();
    const admin = await adminSession(c);
    for (const [variables, field] of [
      [{ email: 'a\u0000@b.c' }, 'email'],
      [{ ip: '1.2.3.4\u0000' }, 'ip'],
    ] as const) {
      const result = await c.call('query($email: String, $ip: String) { loginAttempts(email: $email, ip: $ip) { id } }', variables, {
        token: admin.accessToken,
      });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
    }
  });
});
