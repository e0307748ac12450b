import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApolloServer } from '../src/graphql-server.ts';
import { MAX_INPUT_STRING_LENGTH } from '../src/input-guard.ts';
import { DEFAULT_OPERATION_LIMITS } from '../src/limits.ts';
import { createLogger } from '../src/logger.ts';

// A real Apollo server (ours, with its error formatting) over a tiny schema that stores nothing.
const typeDefs = parse(`
  directive @note(text: String) on FIELD
  input NoteInput { title: String!, tags: [String!], inner: NoteInput }
  type Query { echo(text: String, ids: [ID!]): String, ping: Boolean }
  type Mutation { save(input: NoteInput!): String }
`);
let reached = 0;
const resolvers = {
  Query: { echo: (_p: unknown, args: { text?: string | null }) => ((reached += 1), args.text ?? null), ping: () => true },
  Mutation: { save: (_p: unknown, args: { input: { title: string } }) => ((reached += 1), args.input.title) },
};
const server = createApolloServer({
  logger: createLogger('input-guard-test', 'silent'),
  schema: buildSubgraphSchema({ typeDefs, resolvers }),
  limits: DEFAULT_OPERATION_LIMITS,
});

beforeAll(() => server.start());
afterAll(() => server.stop());

async function run(query: string, variables?: Record<string, unknown>) {
  const response = await server.executeOperation({ query, ...(variables ? { variables } : {}) });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, ...response.body.singleResult };
}

const NUL = 'must not contain control characters (found U+0000)';

describe('inputGuardPlugin', () => {
  it.each<[string, string, Record<string, unknown> | undefined, string, string]>([
    ['a variable', 'mutation($i: NoteInput!) { save(input: $i) }', { i: { title: 'a\u0000b' } }, 'input.title', NUL],
    ['a list item in a variable', 'mutation($i: NoteInput!) { save(input: $i) }', { i: { title: 'ok', tags: ['x', '\u0000'] } }, 'input.tags[1]', NUL],
    ['a nested variable object', 'mutation($i: NoteInput!) { save(input: $i) }', { i: { title: 'ok', inner: { title: '\u0000' } } }, 'input.inner.title', NUL],
    ['a variable inside a literal object', 'mutation($t: String!) { save(input: { title: $t }) }', { t: '\u0000' }, 'input.title', NUL],
    ['an inline literal', 'mutation { save(input: { title: "a\\u0000b" }) }', undefined, 'input.title', NUL],
    ['an inline list literal', 'mutation { save(input: { title: "ok", tags: ["a", "\\u0000"] }) }', undefined, 'input.tags[1]', NUL],
    ['an argument inside a fragment', 'query { ...F } fragment F on Query { echo(text: "\\u0000") }', undefined, 'text', NUL],
    ['an aliased field', 'query { a: echo(text: "fine") b: echo(text: "\\u0000") }', undefined, 'text', NUL],
    ['an ID argument', 'query($ids: [ID!]) { echo(ids: $ids) }', { ids: ['\u0000'] }, 'ids[0]', NUL],
    ['a variable default', 'query($t: String = "\\u0000") { echo(text: $t) }', undefined, 'text', NUL],
    ['a directive argument', 'query($t: String) { ping @note(text: $t) }', { t: '\u0000' }, 'text', NUL],
    [
      'a string over the ceiling',
      'query($t: String) { echo(text: $t) }',
      { t: 'x'.repeat(MAX_INPUT_STRING_LENGTH + 1) },
      'text',
      `must be at most ${MAX_INPUT_STRING_LENGTH} characters`,
    ],
  ])('refuses a NUL or an oversized string in %s, before anything resolves', async (_label, query, variables, field, rule) => {
    const before = reached;
    const result = await run(query, variables);
    expect(result.errors).toEqual([{ message: `${field}: ${rule}`, extensions: { code: 'BAD_USER_INPUT', field } }]);
    expect(result.data).toBeUndefined();
    // 200 like any resolver's BAD_USER_INPUT, so a gateway passes it through untouched.
    expect(result.status).toBe(200);
    expect(reached).toBe(before);
  });

  it('lets ordinary text through, control characters other than NUL included (the field rules judge those)', async () => {
    const longest = 'x'.repeat(MAX_INPUT_STRING_LENGTH);
    expect((await run('query($t: String) { echo(text: $t) }', { t: 'Zoë\ttab\nline \u001b' })).data).toEqual({ echo: 'Zoë\ttab\nline \u001b' });
    expect((await run('query($t: String) { echo(text: $t) }', { t: longest })).data).toEqual({ echo: longest });
    expect((await run('mutation { save(input: { title: "plain" }) }')).data).toEqual({ save: 'plain' });
  });

  it('judges the variables of every request, though the same document (one DocumentNode from the store) came before', async () => {
    const query = 'mutation($i: NoteInput!) { save(input: $i) }';
    expect((await run(query, { i: { title: 'first' } })).data).toEqual({ save: 'first' });
    expect((await run(query, { i: { title: '\u0000' } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    expect((await run(query, { i: { title: 'again' } })).data).toEqual({ save: 'again' });
  });

  it('does not overflow the stack on deeply nested variables', async () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    const result = await run('query($ids: [ID!]) { echo(ids: $ids) }', { ids: deep });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
