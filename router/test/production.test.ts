import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, postGraphQL, registeredPatient, routerEnvFor } from '@medappt/testkit';
import { loadRouterConfig, startRouter } from '../src/public.ts';

// A second router over the same subgraphs, in production mode, as a clinic would run it.
let router: Awaited<ReturnType<typeof startRouter>>;
beforeAll(async () => {
  router = await startRouter(loadRouterConfig(routerEnvFor({ NODE_ENV: 'production' })));
});
afterAll(async () => router?.stop());

describe('production mode', () => {
  it('tells the schema to signed-in accounts only', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    const anonymous = await postGraphQL(router.graphqlUrl, introspection);
    expect(errorCodes(anonymous)).toEqual(['INTROSPECTION_DISABLED']);
    const forged = await postGraphQL(router.graphqlUrl, '{ __type(name: "Patient") { fields { name } } }', {}, { token: 'not.a.token' });
    expect(errorCodes(forged)).toEqual(['INTROSPECTION_DISABLED']);
    const { session } = await registeredPatient();
    const signedIn = await postGraphQL<{ __schema: { queryType: { name: string } } }>(router.graphqlUrl, introspection, {}, { token: session.accessToken });
    expect(signedIn.data?.__schema.queryType.name).toBe('Query');
    // __typename is no introspection of the schema: clients need it.
    expect((await postGraphQL(router.graphqlUrl, '{ __typename }')).errors).toBeUndefined();
  });

  it('suggests no field names to anonymous callers', async () => {
    const typo = '{ servics { id } }';
    const anonymous = await postGraphQL(router.graphqlUrl, typo);
    expect(errorCodes(anonymous)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(anonymous.errors?.[0]?.message).toBe('Cannot query field "servics" on type "Query".');
    const { session } = await registeredPatient();
    const signedIn = await postGraphQL(router.graphqlUrl, typo, {}, { token: session.accessToken });
    expect(signedIn.errors?.[0]?.message).toMatch(/Did you mean .*"services"/);
  });

  it('still answers ordinary questions, without Server-Timing', async () => {
    const response = await fetch(router.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ services { id } }"}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('server-timing')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
