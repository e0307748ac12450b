import { buildSchema, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPERATION_LIMITS, estimateCost, operationLimitErrors, tokenLimitError } from '../../src/limits.ts';

const schema = buildSchema(`
  type Query {
    services: [Service!]!
    doctors(first: Int = 20): DoctorConnection!
    slots(first: Int = 100): [Slot!]!
    me: User
    entities(representations: [String!]!): [Doctor]!
  }
  type DoctorConnection { totalCount: Int! edges: [DoctorEdge!]! }
  type DoctorEdge { node: Doctor! }
  type Doctor { id: ID! name: String! services: [Service!]! user: User }
  type Service { id: ID! doctors: [Doctor!]! }
  type Slot { start: String! doctor: Doctor! }
  type User { id: ID! doctorProfile: Doctor }
`);

const cost = (query: string, variables: Record<string, unknown> = {}): number => {
  const document = parse(query);
  return estimateCost(schema, document, document.definitions[0] as OperationDefinitionNode, variables, { ...DEFAULT_OPERATION_LIMITS, maxCost: 1e12 });
};

describe('estimateCost', () => {
  it.each([
    ['scalars are free', '{ me { id } }', 1],
    ['an object field costs 1', '{ me { doctorProfile { name } } }', 2],
    ['a list without first counts the assumed size', '{ services { id } }', 20],
    ['nested lists multiply', '{ services { doctors { id } } }', 20 * (1 + 20)],
    ['a first literal sizes its list', '{ slots(first: 5) { doctor { id } } }', 5 * (1 + 1)],
    ['the default of first applies', '{ slots { start } }', 100],
    ['a connection passes its first to edges', '{ doctors(first: 3) { edges { node { id } } } }', 1 + 3 * (1 + 1)],
    ['the connection default too', '{ doctors { totalCount edges { node { id } } } }', 1 + 20 * 2],
    ['fragments count', 'query { ...Q } fragment Q on Query { services { id } }', 20],
    ['inline fragments count', '{ services { ... on Service { doctors { id } } } }', 20 * 21],
    ['a list argument sizes the answer', '{ entities(representations: ["a", "b", "c"]) { id } }', 3],
  ])('%s', (_name, query, expected) => {
    expect(cost(query)).toBe(expected);
  });

  it('reads first and lists from variables', () => {
    expect(cost('query($n: Int) { slots(first: $n) { start } }', { n: 7 })).toBe(7);
    expect(cost('query($r: [String!]!) { entities(representations: $r) { id } }', { r: Array(40).fill('x') })).toBe(40);
  });

  it('stops walking once over the limit', () => {
    const document = parse('{ services { doctors { services { doctors { services { doctors { id } } } } } } }');
    const found = estimateCost(schema, document, document.definitions[0] as OperationDefinitionNode, {}, DEFAULT_OPERATION_LIMITS);
    expect(found).toBeGreaterThan(DEFAULT_OPERATION_LIMITS.maxCost);
    expect(Number.isFinite(found)).toBe(true);
  });
});

describe('operationLimitErrors and tokenLimitError', () => {
  const codes = (query: string) => operationLimitErrors(schema, parse(query), undefined, {}, DEFAULT_OPERATION_LIMITS).map((e) => e.extensions['code']);

  it.each([
    ['within every limit', '{ services { id } }', []],
    ['too costly', '{ services { doctors { services { doctors { id } } } } }', ['QUERY_TOO_COSTLY']],
    ['too deep', `{ me { ${'doctorProfile { user { '.repeat(5)}id${' } }'.repeat(5)} } }`, ['QUERY_TOO_DEEP']],
    ['too many aliases', `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')} }`, ['QUERY_TOO_MANY_ALIASES']],
  ])('%s', (_name, query, expected) => {
    expect(codes(query)).toEqual(expected);
  });

  it('counts tokens before parsing, and leaves syntax errors to the parser', () => {
    expect(tokenLimitError('{ me { id } }', DEFAULT_OPERATION_LIMITS)).toBeNull();
    expect(tokenLimitError('{ me { id ', DEFAULT_OPERATION_LIMITS)).toBeNull();
    const error = tokenLimitError(`{ ${'me { id } '.repeat(600)} }`, DEFAULT_OPERATION_LIMITS);
    expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_MANY_TOKENS', limit: 2000 });
  });
});

describe('estimateCost with variable defaults', () => {
  it('weighs an omitted variable by its default, as execution will', () => {
    const document = parse('query($n: Int = 100) { slots(first: $n) { doctor { id } } }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    const codes = operationLimitErrors(schema, document, undefined, {}, { ...DEFAULT_OPERATION_LIMITS, maxCost: 150 }).map((e) => e.extensions['code']);
    expect(codes).toEqual(['QUERY_TOO_COSTLY']);
    expect(estimateCost(schema, document, operation, { n: 100 }, DEFAULT_OPERATION_LIMITS)).toBe(200);
  });
});

describe('operationLimitErrors on a document seen before (Apollo hands out one DocumentNode per query text)', () => {
  const limits = { ...DEFAULT_OPERATION_LIMITS, maxCost: 150 };
  const codes = (document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string) =>
    operationLimitErrors(schema, document, operationName, variables, limits).map((e) => e.extensions['code']);

  it('still weighs the variables of every request', () => {
    const document = parse('query($n: Int) { slots(first: $n) { doctor { id } } }');
    expect(codes(document, { n: 5 })).toEqual([]);
    expect(codes(document, { n: 100 })).toEqual(['QUERY_TOO_COSTLY']);
    expect(codes(document, { n: 5 })).toEqual([]);
  });

  it('refuses a document over a limit every time, with an error of its own each time', () => {
    const document = parse(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')} }`);
    const first = operationLimitErrors(schema, document, undefined, {}, limits);
    const second = operationLimitErrors(schema, document, undefined, {}, limits);
    expect([first, second].map((errors) => errors.map((e) => [e.extensions['code'], e.message]))).toEqual([
      [['QUERY_TOO_MANY_ALIASES', 'The operation uses too many aliases (16) exceeds the limit of 15.']],
      [['QUERY_TOO_MANY_ALIASES', 'The operation uses too many aliases (16) exceeds the limit of 15.']],
    ]);
    expect(second[0]).not.toBe(first[0]);
  });

  it('judges each operation of a document, and the document again under other limits or another schema', () => {
    const document = parse('query Cheap { me { id } } query Costly { services { doctors { id } } }');
    expect(codes(document, {}, 'Cheap')).toEqual([]);
    expect(codes(document, {}, 'Costly')).toEqual(['QUERY_TOO_COSTLY']);
    expect(codes(document, {}, 'Cheap')).toEqual([]);
    expect(operationLimitErrors(schema, document, 'Cheap', {}, { ...limits, maxDepth: 1 }).map((e) => e.extensions['code'])).toEqual([
      'QUERY_TOO_DEEP',
      'QUERY_TOO_DEEP',
    ]);
    const wider = buildSchema(`type Query { me: User services: [Service!]! } type User { id: ID! } type Service { doctors(first: Int = 1): [User!]! }`);
    expect(operationLimitErrors(wider, document, 'Costly', {}, limits)).toEqual([]);
  });
});
