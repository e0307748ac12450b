import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  errorCodes,
  fetchSubgraph,
  postAsRouter,
  postGraphQL,
  postSubgraph,
  randomIp,
  registeredPatient,
  subgraphRequest,
  testEnv,
  type TestEnvironment,
} from '@medappt/testkit';

// Every subgraph in the one list, so a new one is held to the credential without editing this file.
const SUBGRAPHS = (JSON.parse(readFileSync(new URL('../../schema/subgraphs.json', import.meta.url), 'utf8')) as { name: string }[]).map((s) => s.name);
const subgraphUrls = (): [string, string][] => SUBGRAPHS.map((name) => [name, testEnv()[`${name}Url` as keyof TestEnvironment] as string]);
const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id name role } } }';

describe('subgraphs answer only the router (attacker at a subgraph port)', () => {
  it('refuses an unsigned request at every subgraph with 401, before anything runs', async () => {
    for (const [name, url] of subgraphUrls()) {
      const result = await postSubgraph(url, '{ __typename }');
      expect(result.status, name).toBe(401);
      expect(errorCodes(result), name).toEqual(['UNAUTHENTICATED']);
      expect(result.errors?.[0]?.message, name).toMatch(/answers only the router/);
    }
  });

  it('gives no anonymous _entities at the users port: no account names or roles', async () => {
    const { session } = await registeredPatient();
    const result = await postSubgraph<{ _entities: unknown[] }>(testEnv().usersUrl, ENTITIES, { r: [{ __typename: 'User', id: session.user.id }] });
    expect(result.status).toBe(401);
    expect(result.data ?? null).toBeNull();
    expect(JSON.stringify(result)).not.toContain('Pat Ient');
  });

  it('refuses a signature over another body, a forged forwarded address, or an old signature', async () => {
    const url = testEnv().usersUrl;
    const secret = testEnv().gatewaySecret;
    const signed = { query: '{ __typename }', variables: {} };
    // Body changed after signing.
    const init = subgraphRequest(url, signed, { gatewaySecret: secret });
    const tampered = await fetch(url, { ...init, body: JSON.stringify({ query: '{ me { id } }', variables: {} }) });
    expect(tampered.status).toBe(401);
    // Forwarded address changed after signing (an attacker choosing the address that is throttled and audited).
    const forged = await fetch(url, { ...init, headers: { ...init.headers, 'x-forwarded-for': randomIp() } });
    expect(forged.status).toBe(401);
    // Another token on a captured signed request.
    const swapped = await fetch(url, { ...init, headers: { ...init.headers, authorization: 'Bearer someone-else' } });
    expect(swapped.status).toBe(401);
    // The signed request itself goes through.
    expect((await fetch(url, init)).status).toBe(200);
    // Signed with the wrong key.
    const wrongKey = await fetchSubgraph(url, signed, { gatewaySecret: Buffer.alloc(32, 7).toString('base64url') });
    expect(wrongKey.status).toBe(401);
  });

  it('keeps answering the router and its contract calls', async () => {
    const { session } = await registeredPatient();
    const result = await postAsRouter<{ _entities: { id: string }[] }>(
      testEnv().usersUrl,
      ENTITIES,
      { r: [{ __typename: 'User', id: session.user.id }] },
      { token: session.accessToken },
    );
    expect(result.data?._entities[0]?.id).toBe(session.user.id);
    expect(errorCodes(await postGraphQL(testEnv().routerUrl, '{ me { id } }', {}, { token: session.accessToken }))).toEqual([]);
  });
});
