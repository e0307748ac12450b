import { describe, expect, it } from 'vitest';
import { errorCodes, postAsRouter, testEnv, PASSWORD, client, registeredPatient, uniqueEmail } from '@medappt/testkit';

describe('register → login → me, through the router', () => {
  it('signs a new patient up, in, and tells them who they are', async () => {
    const c = client();
    const email = uniqueEmail();
    const registered = await c.register({ email: `  ${email.toUpperCase()} `, password: PASSWORD, name: ' Ana López ' });
    expect(registered.errors).toBeUndefined();
    expect(registered.data?.register.user).toMatchObject({ email, name: 'Ana López', role: 'PATIENT' });
    expect(new Date(registered.data!.register.accessTokenExpiresAt).getTime()).toBeGreaterThan(Date.now());

    const login = await c.login(email, PASSWORD);
    expect(login.errors).toBeUndefined();
    const me = await c.me(login.data!.login.accessToken);
    expect(me.data?.me).toEqual({ id: registered.data!.register.user.id, email, name: 'Ana López', role: 'PATIENT' });
  });

  it('rejects a wrong password and an unknown email with the same message', async () => {
    const c = client();
    const { email } = await registeredPatient(c);
    const wrong = await c.login(email, 'not the password');
    const unknown = await c.login(uniqueEmail('nobody'), PASSWORD);
    expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(unknown)).toEqual(['UNAUTHENTICATED']);
    expect(wrong.errors?.[0]?.message).toBe('Invalid email or password.');
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
    expect(wrong.data).toBeNull();
  });

  it('refuses a second account for the same email, whatever its case', async () => {
    const c = client();
    const { email } = await registeredPatient(c);
    const again = await c.register({ email: email.toUpperCase(), password: PASSWORD, name: 'Someone Else' });
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors?.[0]?.extensions?.['field']).toBe('input.email');
    expect(again.errors?.[0]?.message).toMatch(/already exists/);
  });

  it.each([
    [{ email: 'not-an-email', password: PASSWORD, name: 'X' }, 'input.email', /email address/],
    [{ email: uniqueEmail(), password: 'short', name: 'X' }, 'input.password', /at least 10 characters/],
    [{ email: uniqueEmail(), password: PASSWORD, name: '   ' }, 'input.name', /required/],
  ])('names the bad field: %j', async (input, field, message) => {
    const c = client();
    const result = await c.register(input);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
    expect(result.errors?.[0]?.message).toMatch(message);
    // Nothing half-written: the address is still free.
    if (field !== 'input.email') {
      const retry = await c.register({ ...input, password: PASSWORD, name: 'Fixed Name' });
      expect(retry.errors).toBeUndefined();
    }
  });

  it('lets only an admin create doctor, staff and admin accounts', async () => {
    const c = client();
    const { session } = await registeredPatient(c);
    const mutation = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id email role } }';
    const input = { email: uniqueEmail('doctor'), password: PASSWORD, name: 'Dr. Who', role: 'DOCTOR' };

    expect(errorCodes(await c.call(mutation, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await c.call(mutation, { input }, { token: session.accessToken }))).toEqual(['FORBIDDEN']);

    const admin = await c.login(testEnv().admin.email, testEnv().admin.password);
    expect(admin.data?.login.user.role).toBe('ADMIN');
    const created = await c.call<{ createUser: { role: string } }>(mutation, { input }, { token: admin.data!.login.accessToken });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createUser).toMatchObject({ email: input.email, role: 'DOCTOR' });

    const doctor = await c.login(input.email, PASSWORD);
    expect(doctor.data?.login.user.role).toBe('DOCTOR');
  });

  it('shows an email only to its owner, staff and admins', async () => {
    const c = client();
    const a = await registeredPatient(c);
    const b = await registeredPatient(c);
    const query = 'query($rep: [_Any!]!) { _entities(representations: $rep) { ... on User { id email } } }';
    // _entities is federation-internal and absent from the router's API: ask the subgraph directly.
    const rep = [{ __typename: 'User', id: a.session.user.id }];
    const asOther = await postAsRouter<{ _entities: { email: string | null }[] }>(testEnv().usersUrl, query, { rep }, { token: b.session.accessToken });
    const asSelf = await postAsRouter<{ _entities: { email: string | null }[] }>(testEnv().usersUrl, query, { rep }, { token: a.session.accessToken });
    expect(asOther.data?._entities[0]?.email).toBeNull();
    expect(asSelf.data?._entities[0]?.email).toBe(a.email);
  });
});
