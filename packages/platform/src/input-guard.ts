import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, visit, type ArgumentNode, type DocumentNode, type OperationDefinitionNode, type ValueNode } from 'graphql';
import { badUserInput } from './errors.ts';

/**
 * A safety net under the field-level text rules (text.ts): before anything resolves, every string
 * a request carries, in its variables or written inline as an argument, is looked at once. A NUL
 * is refused because Postgres refuses it in text (a missed field would answer
 * INTERNAL_SERVER_ERROR); any string over the ceiling is refused because no input of ours is
 * anywhere near it. Other control characters are the field rules' business: some fields allow tabs
 * and line breaks.
 */

export const MAX_INPUT_STRING_LENGTH = 100_000;

export interface InputGuardOptions {
  maxStringLength?: number;
}

interface Found {
  field: string;
  message: string;
}

type Check = (value: string) => string | null;

/** Iterative: a request body of nested arrays must not overflow the stack. */
function scanJson(root: unknown, rootPath: string, check: Check): Found | null {
  const stack: [unknown, string][] = [[root, rootPath]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      const message = check(value);
      if (message) return { field: path, message };
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push([value[i], `${path}[${i}]`]);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value).reverse()) stack.push([inner, `${path}.${key}`]);
    }
  }
  return null;
}

interface Scope {
  variables: Readonly<Record<string, unknown>>;
  /** Default values of the operation's variables, used when a request leaves one out. */
  defaults: ReadonlyMap<string, ValueNode>;
}

function scanLiteral(root: ValueNode, rootPath: string, { variables, defaults }: Scope, check: Check): Found | null {
  const stack: [ValueNode, string][] = [[root, rootPath]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    switch (node.kind) {
      case Kind.STRING: {
        const message = check(node.value);
        if (message) return { field: path, message };
        break;
      }
      case Kind.VARIABLE: {
        // Named by where it is used (input.name), the way field-level errors name it.
        const name = node.name.value;
        const fallback = name in variables ? undefined : defaults.get(name);
        if (fallback) {
          stack.push([fallback, path]);
          break;
        }
        const found = scanJson(variables[name], path, check);
        if (found) return found;
        break;
      }
      case Kind.LIST:
        for (let i = node.values.length - 1; i >= 0; i -= 1) stack.push([node.values[i]!, `${path}[${i}]`]);
        break;
      case Kind.OBJECT:
        for (const field of [...node.fields].reverse()) stack.push([field.value, `${path}.${field.name.value}`]);
        break;
      case Kind.ENUM:
      case Kind.INT:
      case Kind.FLOAT:
      case Kind.BOOLEAN:
      case Kind.NULL:
        break;
    }
  }
  return null;
}

/** Per operation of a document Apollo hands out again (its document store): the walk is the same each time. */
const argumentsByOperation = new WeakMap<OperationDefinitionNode, readonly ArgumentNode[]>();

function argumentsOf(document: DocumentNode, operation: OperationDefinitionNode): readonly ArgumentNode[] {
  const known = argumentsByOperation.get(operation);
  if (known) return known;
  const found: ArgumentNode[] = [];
  // Every fragment, used or not: cheaper than working out which are, and no valid request has an unsafe one.
  for (const root of [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)]) {
    visit(root, {
      Argument(node) {
        found.push(node);
        return false;
      },
    });
  }
  argumentsByOperation.set(operation, found);
  return found;
}

/** The first string of the request that breaks the guard's rules, or null. Pure. */
export function findUnsafeInput(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  options: InputGuardOptions = {},
): Found | null {
  const max = options.maxStringLength ?? MAX_INPUT_STRING_LENGTH;
  const check: Check = (value) =>
    value.length > max ? `must be at most ${max} characters` : value.includes('\u0000') ? 'must not contain control characters (found U+0000)' : null;
  // Every declared variable is used somewhere (GraphQL validation), so walking the arguments covers them all;
  // undeclared ones never reach a resolver.
  const vars = variables ?? {};
  const defaults = new Map((operation.variableDefinitions ?? []).flatMap((d) => (d.defaultValue ? [[d.variable.name.value, d.defaultValue] as const] : [])));
  const scope: Scope = { variables: vars, defaults };
  for (const argument of argumentsOf(document, operation)) {
    const found = scanLiteral(argument.value, argument.name.value, scope, check);
    if (found) return found;
  }
  return null;
}

/**
 * An Apollo Server plugin refusing, with BAD_USER_INPUT naming the argument path, any request
 * whose strings hold a NUL or exceed `maxStringLength`.
 */
export function inputGuardPlugin<TContext extends BaseContext>(options: InputGuardOptions = {}): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const found = findUnsafeInput(document, operation, request.variables, options);
          if (!found) return;
          const error = badUserInput(found.field, found.message);
          // 200 as for any resolver's error: the gateway replaces a non-2xx subgraph answer with a bare "400: Bad Request".
          throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 200 } } });
        },
      };
    },
  };
}
