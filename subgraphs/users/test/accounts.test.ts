import { describe, expect, it } from 'vitest';
import { connectToDatabase } from '@medappt/platform';
import { errorCodes, nextEmailsTo, postAsRouter, testEnv, PASSWORD, client, registeredPatient, signUpTokenIn, uniqueEmail } from '@medappt/testkit';

describe('sign-up by email → login → me, through the router', () => {
  it('signs a new patient up through the link in the email, in, and tells them who they are', async () => {
    const c = client();
    const email = uniqueEmail();
    const started = await c.startRegistration({ email: `  ${email.toUpperCase()} `, password: PASSWORD, name: ' Ana López ' });
    expect(started.errors).toBeUndefined();
    expect(started.data?.startRegistration).toEqual({ email, message: expect.stringMatching(/sent it a link/) });
    // No account until the link is used.
    expect(errorCodes(await c.login(email, PASSWORD))).toEqual(['UNAUTHENTICATED']);

    const [mail] = await nextEmailsTo(email, 1);
    expect(mail!.subject).toBe('Finish signing up');
    expect(mail!.text).toMatch(/^Hello Ana López,/);
    expect(mail!.text).toMatch(/http:\/\/localhost:4000\/sign-up#token=[A-Za-z0-9_-]{43}/);
    const completed = await c.completeRegistration(signUpTokenIn(mail!));
    expect(completed.errors).toBeUndefined();
    const session = completed.data!.completeRegistration;
    expect(session.user).toMatchObject({ email, name: 'Ana López', role: 'PATIENT' });
    expect(new Date(session.accessTokenExpiresAt).getTime()).toBeGreaterThan(Date.now());

    const login = await c.login(email, PASSWORD);
    expect(login.errors).toBeUndefined();
    const me = await c.me(login.data!.login.accessToken);
    expect(me.data?.me).toEqual({ id: session.user.id, email, name: 'Ana López', role: 'PATIENT' });

    // The link works once.
    const again = await c.completeRegistration(signUpTokenIn(mail!));
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors?.[0]).toMatchObject({ message: expect.stringMatching(/not valid/), extensions: { field: 'token' } });
  });

  it("the link opens the router's sign-up page, which completes it from the fragment and may run only its own script", async () => {
    const page = await fetch(testEnv().routerUrl.replace(/\/graphql$/, '/sign-up'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'sha256-[^']+'/);
    const html = await page.text();
    expect(html).toContain('completeRegistration(token: $t)');
    expect(html).toContain("history.replaceState(null, '', location.pathname)");
  });

  it('keeps only a hash of the link: the token itself is in the email and nowhere else', async () => {
    const c = client();
    const email = uniqueEmail();
    await c.startRegistration({ email, password: PASSWORD, name: 'Ana López' });
    const token = signUpTokenIn((await nextEmailsTo(email, 1))[0]!);
    const { postgresUrl, dbPrefix } = testEnv();
    const sql = connectToDatabase(postgresUrl, `${dbPrefix}_users`);
    try {
      const rows = await sql`select * from pending_sign_ups where email = ${email}`;
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(rows[0]!['token_hash']).toEqual(expect.any(String));
      // No account, so no user.created, until the link is used; the token is in no event, ever.
      expect(await sql`select 1 from outbox where envelope::text like ${`%${email}%`}`).toHaveLength(0);
      await c.completeRegistration(token);
      expect(await sql`select 1 from outbox where envelope::text like ${`%${email}%`}`).toHaveLength(1);
      expect(await sql`select 1 from outbox where envelope::text like ${`%${token}%`}`).toHaveLength(0);
      const [used] = await sql`select completed_at, password_hash from pending_sign_ups where email = ${email}`;
      expect(used).toMatchObject({ completed_at: expect.any(Date), password_hash: null });
    } finally {
      await sql.end();
    }
  });

  it('answers a sign-up for a taken address exactly like a new one, and tells the owner instead', async () => {
    const c = client();
    const { email, session } = await registeredPatient();
    const fresh = uniqueEmail();
    const forTaken = await c.startRegistration({ email: email.toUpperCase(), password: 'another password 123', name: 'Someone Else' });
    const forNew = await c.startRegistration({ email: fresh, password: 'another password 123', name: 'Someone Else' });
    expect(forTaken.errors).toBeUndefined();
    expect([forTaken.status, forTaken.errors, forTaken.data]).toEqual([
      forNew.status,
      forNew.errors,
      { startRegistration: { ...forNew.data!.startRegistration, email } },
    ]);

    // The owner's second email says so, and holds no link.
    const mails = await nextEmailsTo(email, 2);
    const notice = mails.at(-1)!;
    expect(notice.subject).toBe('Someone tried to sign up with your address');
    expect(notice.text).not.toMatch(/token=/);
    // Nothing changed: the old password still signs in, the new one does not.
    expect(errorCodes(await c.login(email, 'another password 123'))).toEqual(['UNAUTHENTICATED']);
    expect((await c.login(email, PASSWORD)).data?.login.user.id).toBe(session.user.id);
  });

  it('uses a link once even when two race, and tells that the address is taken only to a link holder', async () => {
    const c = client();
    const email = uniqueEmail();
    await c.startRegistration({ email, password: PASSWORD, name: 'First Tab' });
    await c.startRegistration({ email, password: PASSWORD, name: 'Second Tab' });
    const mails = await nextEmailsTo(email, 2);
    const linkFor = (name: string) => signUpTokenIn(mails.find((m) => m.text.startsWith(`Hello ${name},`))!);

    const raced = await Promise.all([c.completeRegistration(linkFor('Second Tab')), client().completeRegistration(linkFor('Second Tab'))]);
    expect(raced.filter((r) => r.data?.completeRegistration.user.name === 'Second Tab')).toHaveLength(1);
    expect(raced.flatMap((r) => errorCodes(r))).toEqual(['BAD_USER_INPUT']);

    const first = await c.completeRegistration(linkFor('First Tab'));
    expect(errorCodes(first)).toEqual(['BAD_USER_INPUT']);
    expect(first.errors?.[0]).toMatchObject({ message: 'token: An account with this email already exists: sign in instead.', extensions: { field: 'token' } });
    const garbage = await c.completeRegistration('x'.repeat(43));
    expect(garbage.errors?.[0]).toMatchObject({ message: expect.stringMatching(/not valid/), extensions: { code: 'BAD_USER_INPUT', field: 'token' } });
  });

  it('limits sign-ups from one address, in words that say nothing about any email', async () => {
    const c = client();
    const results = [];
    for (let i = 0; i < 21; i++) results.push(await c.startRegistration({ email: uniqueEmail('spray'), password: PASSWORD, name: 'Spray' }));
    expect(results.slice(0, 20).every((r) => r.errors === undefined)).toBe(true);
    const refused = results[20]!;
    expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
    expect(refused.errors?.[0]?.message).toMatch(/^Too many sign-ups from your address\. Try again in \d+ minutes?\.$/);
    // Another address is not held up.
    expect((await client().startRegistration({ email: uniqueEmail(), password: PASSWORD, name: 'Else' })).errors).toBeUndefined();
  });

  it('rejects a wrong password and an unknown email with the same message', async () => {
    const c = client();
    const { email } = await registeredPatient();
    const wrong = await c.login(email, 'not the password');
    const unknown = await c.login(uniqueEmail('nobody'), PASSWORD);
    expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(unknown)).toEqual(['UNAUTHENTICATED']);
    expect(wrong.errors?.[0]?.message).toBe('Invalid email or password.');
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
    expect(wrong.data).toBeNull();
  });

  it.each([
    [{ email: 'not-an-email', password: PASSWORD, name: 'X' }, 'input.email', /email address/],
    [{ email: uniqueEmail(), password: 'short', name: 'X' }, 'input.password', /at least 10 characters/],
    [{ email: uniqueEmail(), password: PASSWORD, name: '   ' }, 'input.name', /required/],
  ])('names the bad field: %j', async (input, field, message) => {
    const c = client();
    const result = await c.startRegistration(input);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
    expect(result.errors?.[0]?.message).toMatch(message);
    // Nothing half-written: the address is still free.
    if (field !== 'input.email') {
      const retry = await c.signUp({ ...input, password: PASSWORD, name: 'Fixed Name' });
      expect(retry.errors).toBeUndefined();
    }
  });

  it('lets only an admin create doctor, staff and admin accounts', async () => {
    const c = client();
    const { session } = await registeredPatient();
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
    const a = await registeredPatient();
    const b = await registeredPatient();
    const query = 'query($rep: [_Any!]!) { _entities(representations: $rep) { ... on User { id email } } }';
    // _entities is federation-internal and absent from the router's API: ask the subgraph directly.
    const rep = [{ __typename: 'User', id: a.session.user.id }];
    const asOther = await postAsRouter<{ _entities: { email: string | null }[] }>(testEnv().usersUrl, query, { rep }, { token: b.session.accessToken });
    const asSelf = await postAsRouter<{ _entities: { email: string | null }[] }>(testEnv().usersUrl, query, { rep }, { token: a.session.accessToken });
    expect(asOther.data?._entities[0]?.email).toBeNull();
    expect(asSelf.data?._entities[0]?.email).toBe(a.email);
  });
});
