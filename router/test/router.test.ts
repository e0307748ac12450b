import { describe, expect, it } from 'vitest';
import { accountWithRole, errorCodes, postGraphQL, randomIp, testEnv } from '@medappt/testkit';

const base = (): string => testEnv().routerUrl.replace(/\/graphql$/, '');

describe('router', () => {
  it('serves GraphiQL to a browser from its own assets, with no CDN', async () => {
    const page = await fetch(testEnv().routerUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)/);
    const assets = [...html.matchAll(/(?:src|href)="(\/graphiql\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets).toHaveLength(4);
    for (const asset of assets) {
      const response = await fetch(`${base()}${asset}`);
      expect(response.status, asset).toBe(200);
      expect((await response.arrayBuffer()).byteLength, asset).toBeGreaterThan(1000);
    }
  });

  it('answers health and readiness', async () => {
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${base()}/readyz`)).json()).toMatchObject({ status: 'ready' });
  });

  it('reports the users subgraph ready with its database and the Kafka broker', async () => {
    const ready = await fetch(testEnv().usersUrl.replace(/\/graphql$/, '/readyz'));
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', kafka: 'ok' } });
  });

  it('carries the request id to the subgraph and back', async () => {
    const requestId = `test-${Date.now()}`;
    const ip = randomIp();
    const response = await fetch(testEnv().routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId, 'x-forwarded-for': ip },
      body: JSON.stringify({ query: 'mutation { login(input: { email: "ghost@example.com", password: "whatever-123" }) { accessToken } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe(requestId);
    // The users subgraph wrote the id it received into the login audit.
    const { admin } = testEnv();
    const login = await postGraphQL<{ login: { accessToken: string } }>(testEnv().routerUrl, 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: admin }, { ip: randomIp() });
    const audit = await postGraphQL<{ loginAttempts: { requestId: string; ip: string }[] }>(
      testEnv().routerUrl,
      '{ loginAttempts(email: "ghost@example.com", first: 5) { requestId ip } }',
      {},
      { token: login.data!.login.accessToken },
    );
    expect(audit.data?.loginAttempts).toContainEqual({ requestId, ip });
  });

  it('gives clear errors for malformed requests instead of failing', async () => {
    const badJson = await fetch(testEnv().routerUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(badJson.status).toBe(400);
    const unknownField = await postGraphQL(testEnv().routerUrl, '{ nope }');
    expect(unknownField.status).toBe(400);
    expect(errorCodes(unknownField)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const wrongVariable = await postGraphQL(testEnv().routerUrl, 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: 1 } });
    // One error per problem: email has the wrong type, password is missing.
    expect(errorCodes(wrongVariable)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(wrongVariable.errors?.map((e) => e.message).join(' ')).toMatch(/email.*password|password.*email/s);
  });
});

describe('malformed ids', () => {
  it('are bad input, not internal errors, in every subgraph', async () => {
    const staff = await accountWithRole('STAFF');
    for (const query of ['{ appointment(id: "garbage") { id } }', '{ patient(id: "garbage") { id } }', '{ medicalRecord(patientId: "garbage") { allergies { id } } }']) {
      const result = await postGraphQL(testEnv().routerUrl, query, {}, { token: staff.accessToken });
      expect(errorCodes(result), query).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0]?.message, query).toMatch(/not a valid ID/);
    }
  });
});
