import { describe, expect, it } from 'vitest';
import { errorCodes, postGraphQL, testEnv } from '@medappt/testkit';

const router = (): string => testEnv().routerUrl;

/** `services { doctors { services { doctors ... } } }`, `levels` lists deep. */
function nestedLists(levels: number): string {
  let inner = 'id';
  for (let i = levels; i > 0; i -= 1) inner = `${i % 2 === 1 ? 'services' : 'doctors'} { id ${inner} }`;
  return `{ ${inner} }`;
}

async function stillServes(): Promise<void> {
  const ok = await postGraphQL<{ services: unknown[] }>(router(), '{ services { id name } }');
  expect(ok.errors).toBeUndefined();
  expect(Array.isArray(ok.data?.services)).toBe(true);
}

describe('operation limits at the router (anonymous attacker)', () => {
  it('refuses nested lists by their estimated cost, fast, and stays up', async () => {
    for (const levels of [3, 4, 8]) {
      const started = performance.now();
      const result = await postGraphQL(router(), nestedLists(levels));
      expect(performance.now() - started, `${levels} levels`).toBeLessThan(2_000);
      expect(result.data ?? null).toBeNull();
      expect(errorCodes(result), `${levels} levels`).toEqual(['QUERY_TOO_COSTLY']);
      expect(result.errors?.[0]?.message).toMatch(/more than the limit of 5000/);
      expect(result.errors?.[0]?.extensions).toMatchObject({ limit: 5000 });
    }
    // Two levels are an ordinary question.
    expect((await postGraphQL(router(), nestedLists(2))).errors).toBeUndefined();
    await stillServes();
  });

  it('weighs a page by its size: first: 1000 on a list is refused, first: 20 is fine', async () => {
    const ask = (first: number) =>
      postGraphQL(router(), 'query($first: Int) { doctors(first: $first) { edges { node { id services { id doctors { id } } } } } }', { first });
    expect(errorCodes(await ask(1000))).toEqual(['QUERY_TOO_COSTLY']);
    expect((await ask(5)).errors).toBeUndefined();
  });

  it('refuses too many aliases, and 500 aliases already by their tokens', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: doctors(first: 1) { totalCount }`).join(' ')} }`;
    const sixteen = await postGraphQL(router(), aliases(16));
    expect(errorCodes(sixteen)).toEqual(['QUERY_TOO_MANY_ALIASES']);
    expect(sixteen.errors?.[0]?.message).toMatch(/limit of 15/);
    const fiveHundred = await postGraphQL(router(), aliases(500));
    expect(errorCodes(fiveHundred)).toEqual(['QUERY_TOO_MANY_TOKENS']);
    expect(fiveHundred.errors?.[0]?.message).toMatch(/more than 2000 tokens/);
    expect((await postGraphQL(router(), aliases(3))).errors).toBeUndefined();
  });

  it('refuses a query nested too deep, even without lists', async () => {
    let inner = 'id';
    for (let i = 0; i < 6; i += 1) inner = `doctorProfile { user { ${inner} } }`;
    const deep = await postGraphQL(router(), `{ me { ${inner} } }`);
    expect(errorCodes(deep)).toEqual(['QUERY_TOO_DEEP']);
    expect(deep.errors?.[0]?.message).toMatch(/limit of 10/);
  });

  it('refuses too many directives', async () => {
    const fields = Array.from({ length: 21 }, () => 'id @include(if: true)').join(' ');
    const result = await postGraphQL(router(), `{ services { ${fields} } }`);
    expect(errorCodes(result)).toEqual(['QUERY_TOO_MANY_DIRECTIVES']);
  });

  it('refuses a body over the size limit with 413, and batches', async () => {
    const huge = await fetch(router(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ services { id } }', variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');

    const batch = await fetch(router(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ services { id } }' }, { query: '{ services { id } }' }]),
    });
    expect(batch.status).toBe(400);
    expect(((await batch.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('BATCHING_NOT_SUPPORTED');
    await stillServes();
  });
});

describe('GraphQL over HTTP', () => {
  const send = (query: string, accept?: string) =>
    fetch(router(), { method: 'POST', headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) }, body: JSON.stringify({ query }) });

  it('answers application/json clients 200 for request errors, graphql-response+json clients 400', async () => {
    for (const query of ['{ nope }', '{ services {', nestedLists(4)]) {
      const json = await send(query, 'application/json');
      expect(json.status, query).toBe(200);
      expect(json.headers.get('content-type'), query).toMatch(/^application\/json/);
      expect(((await json.json()) as { errors: unknown[] }).errors.length, query).toBeGreaterThan(0);

      const modern = await send(query, 'application/graphql-response+json');
      expect(modern.status, query).toBe(400);
      expect(modern.headers.get('content-type'), query).toMatch(/^application\/graphql-response\+json/);
    }
  });

  it('keeps 400 for a request that is not well-formed', async () => {
    const badJson = await fetch(router(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(badJson.status).toBe(400);
    const noQuery = await fetch(router(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noQuery.status).toBe(400);
  });
});
