import { buildClientSchema, getIntrospectionQuery, Kind, parse, validate, type IntrospectionQuery, type OperationDefinitionNode } from 'graphql';
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

  it("opens GraphiQL on a document that shows a subscription, valid against the router's own schema, with subscriptions over WebSocket at the same URL", async () => {
    const html = await (await fetch(testEnv().routerUrl, { headers: { accept: 'text/html' } })).text();
    const literal = /defaultQuery: ("(?:[^"\\]|\\.)*")/.exec(html)?.[1];
    expect(literal, 'the page sets a default document').toBeDefined();
    const document = parse(JSON.parse(literal!) as string);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations.filter((o) => o.operation === 'subscription').length).toBeGreaterThan(0);
    // What the router serves now (not a checked-in copy): a renamed field would fail here, not in a new user's browser.
    const introspection = await postGraphQL<IntrospectionQuery>(testEnv().routerUrl, getIntrospectionQuery());
    expect(validate(buildClientSchema(introspection.data!), document).map((e) => e.message)).toEqual([]);
    // GraphiQL's fetcher sends subscriptions to a WebSocket URL (the same /graphql, ws:).
    expect(html).toContain('subscriptionUrl');
  });

  it('answers health and readiness', async () => {
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${base()}/readyz`)).json()).toMatchObject({ status: 'ready' });
  });

  it('reports the users subgraph ready with its database, the Kafka broker and its revocation list (adr/012)', async () => {
    const ready = await fetch(testEnv().usersUrl.replace(/\/graphql$/, '/readyz'));
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', kafka: 'ok', revocations: 'ok' } });
  });

  it('issues its own request id, carries it to the subgraph and back, and forwards the client address and user agent', async () => {
    const clientId = `test-${Date.now()}`;
    const ip = randomIp();
    const email = `ghost.${Date.now()}@example.com`;
    const response = await fetch(testEnv().routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': clientId, 'x-forwarded-for': ip, 'user-agent': 'ClinicApp/2.1 (iPhone)' },
      body: JSON.stringify({ query: `mutation { login(input: { email: "${email}", password: "whatever-123" }) { accessToken } }` }),
    });
    const requestId = response.headers.get('x-request-id');
    // A client's id is not taken as ours: anyone could pick one to pollute the audit.
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestId).not.toBe(clientId);
    // The users subgraph wrote the router's id, the client's address and its user agent into the login audit.
    const { admin } = testEnv();
    const login = await postGraphQL<{ login: { accessToken: string } }>(
      testEnv().routerUrl,
      'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
      { i: admin },
      { ip: randomIp() },
    );
    const audit = await postGraphQL<{ loginAttempts: { requestId: string; ip: string; userAgent: string }[] }>(
      testEnv().routerUrl,
      'query($email: String) { loginAttempts(email: $email, first: 5) { requestId ip userAgent } }',
      { email },
      { token: login.data!.login.accessToken },
    );
    expect(audit.data?.loginAttempts).toEqual([{ requestId, ip, userAgent: 'ClinicApp/2.1 (iPhone)' }]);
  });

  it('gives clear errors for malformed requests instead of failing', async () => {
    const badJson = await fetch(testEnv().routerUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(badJson.status).toBe(400);
    const unknownField = await postGraphQL(testEnv().routerUrl, '{ nope }');
    // GraphQL over HTTP: an application/json client gets 200 for a request GraphQL refused (limits.test.ts).
    expect(unknownField.status).toBe(200);
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
    for (const query of [
      '{ appointment(id: "garbage") { id } }',
      '{ patient(id: "garbage") { id } }',
      '{ medicalRecord(patientId: "garbage") { allergies { id } } }',
    ]) {
      const result = await postGraphQL(testEnv().routerUrl, query, {}, { token: staff.accessToken });
      expect(errorCodes(result), query).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0]?.message, query).toMatch(/not a valid ID/);
    }
  });
});

describe('security headers', () => {
  it('are on every answer; GraphiQL runs only its own scripts and is never framed', async () => {
    for (const response of [
      await fetch(testEnv().routerUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }),
      await fetch(`${base()}/healthz`),
      await fetch(`${base()}/nowhere`),
    ]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      // Outside production Server-Timing is still off at the router: it runs no SQL of its own.
      expect(response.headers.get('server-timing')).toBeNull();
    }
    const page = await fetch(testEnv().routerUrl, { headers: { accept: 'text/html' } });
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
  });
});
