import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  getNamedType,
  getVariableValues,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  Kind,
  Lexer,
  Source,
  TokenKind,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

/**
 * What one operation may ask for. The router applies these to every client operation (HTTP and
 * WebSocket alike); subgraphs apply a looser copy, since the query planner adds a level or two.
 */
export interface OperationLimits {
  /** Lexical tokens in the document (checked before parsing, so a huge document costs little). */
  readonly maxTokens: number;
  /** Nesting of selections, leaves included: `{ me { id } }` is 2. */
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  /** Estimated objects in the answer: list fields weigh their page size (`first`), see {@link estimateCost}. */
  readonly maxCost: number;
  /** The size assumed for a list field that takes no `first`. */
  readonly assumedListSize: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxTokens: 2_000,
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxCost: 5_000,
  assumedListSize: 20,
};

/** One code per limit, so a client (and a log search) can tell which one was hit. */
export const LimitCode = {
  TOKENS: 'QUERY_TOO_MANY_TOKENS',
  DEPTH: 'QUERY_TOO_DEEP',
  ALIASES: 'QUERY_TOO_MANY_ALIASES',
  DIRECTIVES: 'QUERY_TOO_MANY_DIRECTIVES',
  COST: 'QUERY_TOO_COSTLY',
  BODY: 'PAYLOAD_TOO_LARGE',
  BATCH: 'BATCHING_NOT_SUPPORTED',
} as const;
export type LimitCode = (typeof LimitCode)[keyof typeof LimitCode];

function limitError(code: LimitCode, message: string, limit: number, found?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, limit, ...(found === undefined ? {} : { found }), http: { status: 400 } },
  });
}

/**
 * Counts lexical tokens with graphql's own lexer, stopping at the limit: no AST is built (Apollo
 * parses the document once, after this). Null when within the limit; a document that does not
 * lex is left for GraphQL's parse to report.
 */
export function tokenLimitError(query: string, limits: OperationLimits): GraphQLError | null {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
      if (count > limits.maxTokens) {
        return limitError(
          LimitCode.TOKENS,
          `The operation has more than ${limits.maxTokens} tokens (the limit). Send a smaller document; pass values as variables.`,
          limits.maxTokens,
          count,
        );
      }
    }
  } catch {
    return null;
  }
  return null;
}

type Rule = (context: ValidationContext) => unknown;

/** graphql-armor's rules, reporting our own codes and messages instead of throwing "Syntax Error". */
function armorRules(limits: OperationLimits): Rule[] {
  const reporting =
    (code: LimitCode, what: string, limit: number) =>
    (context: ValidationContext | null, error: GraphQLError): void => {
      const found = /found (\d+)/.exec(error.message)?.[1];
      context?.reportError(
        limitError(code, `The operation ${what} ${found ? `(${found}) ` : ''}exceeds the limit of ${limit}.`, limit, found ? Number(found) : undefined),
      );
    };
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  return [
    maxDepthRule({ ...common, n: limits.maxDepth, onReject: [reporting(LimitCode.DEPTH, 'nests too deep', limits.maxDepth)] }),
    maxAliasesRule({ ...common, n: limits.maxAliases, onReject: [reporting(LimitCode.ALIASES, 'uses too many aliases', limits.maxAliases)] }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives, onReject: [reporting(LimitCode.DIRECTIVES, 'uses too many directives', limits.maxDirectives)] }),
  ] as Rule[];
}

const PAGE_ARGUMENT = 'first';

function numberOf(value: ValueNode, variables: Readonly<Record<string, unknown>>): number | undefined {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === 'number' ? given : undefined;
  }
  return undefined;
}

/** Arguments whose list length is the size of the answer: `_entities(representations)`, `approveAppointments(ids)`. */
const LIST_SIZING_ARGUMENTS = new Set(['representations', 'ids']);

function lengthOf(value: ValueNode, variables: Readonly<Record<string, unknown>>): number | undefined {
  if (value.kind === Kind.LIST) return value.values.length;
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return Array.isArray(given) ? given.length : undefined;
  }
  return undefined;
}

type ArgumentNodes = readonly { name: { value: string }; value: ValueNode }[];

function pageSizeOf(field: GraphQLField<unknown, unknown>, args: ArgumentNodes, variables: Readonly<Record<string, unknown>>): number | undefined {
  for (const arg of args) {
    if (!LIST_SIZING_ARGUMENTS.has(arg.name.value)) continue;
    const length = lengthOf(arg.value, variables);
    if (length !== undefined) return length;
  }
  const definition = field.args.find((a) => a.name === PAGE_ARGUMENT);
  if (!definition) return undefined;
  const given = args.find((a) => a.name.value === PAGE_ARGUMENT);
  const size = given ? numberOf(given.value, variables) : undefined;
  if (size !== undefined) return Math.max(0, size);
  return typeof definition.defaultValue === 'number' ? definition.defaultValue : undefined;
}

/**
 * An estimate of how many objects an operation can return: each object field costs 1, times the
 * size of every list it sits in. A list's size is its `first` argument (or that argument's
 * default) or the length of its `ids` / `representations`; a connection's `first` sizes the list below it (`edges`); other lists count as
 * `assumedListSize`. Scalars are free. Fragments on several types count each branch.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  limits: Pick<OperationLimits, 'assumedListSize' | 'maxCost'>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return 0;

  const costOf = (selectionSet: SelectionSetNode, type: GraphQLNamedType, carriedPage: number | undefined, seen: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (total > limits.maxCost) return total; // already over: no need to walk the rest
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const target = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? type) : type;
        total += costOf(selection.selectionSet, target, carriedPage, seen);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const target = schema.getType(fragment.typeCondition.name.value) ?? type;
        total += costOf(fragment.selectionSet, target, carriedPage, new Set([...seen, fragment.name.value]));
        continue;
      }
      if (!selection.selectionSet || !(isObjectType(type) || isInterfaceType(type))) continue;
      const field = type.getFields()[selection.name.value];
      if (!field) continue;
      const page = pageSizeOf(field, selection.arguments ?? [], variables);
      const returnsList = isListType(getNullableType(field.type));
      const listSize = returnsList ? (page ?? carriedPage ?? limits.assumedListSize) : 1;
      // A page size on a field that is not itself a list (a connection) sizes the list below it.
      const passDown = returnsList ? undefined : (page ?? undefined);
      const child = getNamedType(field.type);
      const inner = isObjectType(child) || isInterfaceType(child) || isUnionType(child) ? costOf(selection.selectionSet, child, passDown, seen) : 0;
      total += listSize * (1 + inner);
    }
    return total;
  };
  return costOf(operation.selectionSet, root, undefined, new Set());
}

const rulesByLimits = new WeakMap<OperationLimits, Rule[]>();

/**
 * What one document was found to be within, for one schema and one set of limits: the shape limits
 * (depth, aliases, directives: the document alone decides them), and the costs of its operations
 * that take no variables (the document decides those too). Only passes are remembered: a document
 * over a limit is checked, and its error made, afresh on every request.
 */
interface Passed {
  readonly schema: GraphQLSchema;
  readonly limits: OperationLimits;
  /** Operations (by name, '' for the anonymous one) without variables whose cost is within maxCost. */
  readonly costWithin: Set<string>;
}
/**
 * Keyed weakly by the DocumentNode: Apollo's document store hands out the same node for the same
 * query text (parsed and validated once), and bounds how many it keeps; what it drops, this drops.
 * A router schema update brings a new schema, so nothing judged against the old one is reused.
 */
const passedByDocument = new WeakMap<DocumentNode, Passed>();

/**
 * Every limit but tokens, for a parsed and valid document: the errors to send (empty when within
 * the limits). Used for HTTP requests (an Apollo plugin) and for subscriptions alike.
 */
export function operationLimitErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>>,
  limits: OperationLimits,
): GraphQLError[] {
  let passed = passedByDocument.get(document);
  if (passed?.schema !== schema || passed.limits !== limits) {
    let rules = rulesByLimits.get(limits);
    if (!rules) rulesByLimits.set(limits, (rules = armorRules(limits)));
    const shapeErrors = validate(schema, document, rules as Parameters<typeof validate>[2]);
    if (shapeErrors.length > 0) return [...shapeErrors];
    passedByDocument.set(document, (passed = { schema, limits, costWithin: new Set() }));
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return [];
  const fixed = !operation.variableDefinitions?.length;
  const key = operation.name?.value ?? '';
  if (fixed && passed.costWithin.has(key)) return [];
  // The values execution will use: a variable left out takes its `$n: Int = 100` default.
  const coerced = fixed ? undefined : getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  const cost = estimateCost(schema, document, operation, coerced?.coerced ?? variables, limits);
  if (cost <= limits.maxCost) {
    if (fixed) passed.costWithin.add(key);
    return [];
  }
  return [
    limitError(
      LimitCode.COST,
      `The operation could return about ${cost} objects, more than the limit of ${limits.maxCost}. Ask for smaller pages (first) or fewer nested lists.`,
      limits.maxCost,
      cost,
    ),
  ];
}

/**
 * What a subgraph accepts: its callers are the router's query planner, whose documents for one
 * client operation nest a few levels deeper (`_entities`, type conditions) and fan out more.
 */
export const SUBGRAPH_OPERATION_LIMITS: OperationLimits = {
  maxTokens: DEFAULT_OPERATION_LIMITS.maxTokens * 10,
  maxDepth: DEFAULT_OPERATION_LIMITS.maxDepth + 5,
  maxAliases: DEFAULT_OPERATION_LIMITS.maxAliases * 4,
  maxDirectives: DEFAULT_OPERATION_LIMITS.maxDirectives * 4,
  maxCost: DEFAULT_OPERATION_LIMITS.maxCost * 4,
  assumedListSize: DEFAULT_OPERATION_LIMITS.assumedListSize,
};

/** A subgraph's answer over this is refused rather than sent (a bound on what one request can cost). */
export const SUBGRAPH_MAX_RESPONSE_BYTES = 10_000_000;
export const DEFAULT_MAX_BODY_BYTES = 1_000_000;
