import {
  Kind,
  OperationTypeNode,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';

/**
 * How one subscription's payload is read for an event: the subscription's selection on the entity
 * rewritten as a query on the entity's query-by-id field, so the gateway resolves it with fields
 * from any subgraph, and the static parts (an `action`, `__typename`) filled in from the event.
 */
export interface PayloadPlan {
  /** The response key of the subscription's root field (its alias, or its name). */
  readonly rootKey: string;
  /** Null when the subscription asks only for static parts (`{ action }`): nothing to read. */
  readonly query: DocumentNode | null;
  /** The variable the entity id goes into. */
  readonly idVariable: string;
  /** Response keys inside the payload object: each read from the query, or a static value. */
  readonly keys: readonly PayloadKey[];
}
export type PayloadKey =
  | { readonly kind: 'entity'; readonly key: string }
  | { readonly kind: 'static'; readonly key: string; readonly field: string };

const ID_VARIABLE = '__entityId';

export function rootFieldOf(document: DocumentNode, operationName?: string | null): { operation: OperationDefinitionNode; field: FieldNode } | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  const field = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value !== '__typename');
  return operation && field ? { operation, field } : null;
}

/**
 * `entityField` is the payload's field holding the entity (`appointment`), `queryField` the
 * query that reads one by id (`appointment(id:)`). Fragments on the payload type are flattened.
 */
export function payloadPlan(document: DocumentNode, operationName: string | null | undefined, entityField: string, queryField: string): PayloadPlan | { problem: string } {
  const root = rootFieldOf(document, operationName);
  if (!root?.field.selectionSet) return { problem: 'Select at least one field of the change.' };
  let directive: string | undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const keys: PayloadKey[] = [];
  // One query field per response key; the sub-selections of repeated keys are merged, as GraphQL does.
  const entityFields = new Map<string, FieldNode>();
  const collect = (set: SelectionSetNode, seen: ReadonlySet<string>): void => {
    for (const selection of set.selections) {
      // @include/@skip on the change itself would need evaluating per event: refused instead (inside the entity they are fine).
      if (selection.directives?.length) directive ??= selection.directives[0]!.name.value;
      if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, seen);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) collect(fragment.selectionSet, new Set([...seen, fragment.name.value]));
      } else {
        const key = selection.alias?.value ?? selection.name.value;
        if (selection.name.value === entityField) {
          const earlier = entityFields.get(key);
          if (!earlier) keys.push({ kind: 'entity', key });
          const selections = [...(earlier?.selectionSet?.selections ?? []), ...(selection.selectionSet?.selections ?? [])];
          entityFields.set(key, {
            ...selection,
            alias: { kind: Kind.NAME, value: key },
            name: { kind: Kind.NAME, value: queryField },
            arguments: [idArgument()],
            selectionSet: { kind: Kind.SELECTION_SET, selections },
          });
        } else if (!keys.some((k) => k.key === key)) keys.push({ kind: 'static', key, field: selection.name.value });
      }
    }
  };
  collect(root.field.selectionSet, new Set());
  if (directive) return { problem: `@${directive} on the change itself is not supported in a subscription; use it inside the ${entityField}.` };
  const rootKey = root.field.alias?.value ?? root.field.name.value;
  if (entityFields.size === 0) return { rootKey, query: null, idVariable: ID_VARIABLE, keys };

  const selectionSet: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: [...entityFields.values()] };
  const usedFragments = fragmentsUsedBy(selectionSet, fragments);
  const usedVariables = variablesUsedBy([selectionSet, ...usedFragments.map((f) => f.selectionSet)]);
  const variableDefinitions: VariableDefinitionNode[] = [
    { kind: Kind.VARIABLE_DEFINITION, variable: variable(ID_VARIABLE), type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } } },
    ...(root.operation.variableDefinitions ?? []).filter((v) => usedVariables.has(v.variable.name.value)),
  ];
  const query: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [{ kind: Kind.OPERATION_DEFINITION, operation: OperationTypeNode.QUERY, name: { kind: Kind.NAME, value: 'SubscriptionPayload' }, variableDefinitions, selectionSet }, ...usedFragments],
  };
  return { rootKey, query, idVariable: ID_VARIABLE, keys };
}

const variable = (name: string) => ({ kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } }) as const;
const idArgument = () => ({ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'id' }, value: variable(ID_VARIABLE) }) as const;

function fragmentsUsedBy(set: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const walk = (node: SelectionSetNode): void =>
    void visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (!fragment || used.has(fragment.name.value)) return;
        used.set(fragment.name.value, fragment);
        walk(fragment.selectionSet);
      },
    });
  walk(set);
  return [...used.values()];
}

function variablesUsedBy(sets: readonly SelectionSetNode[]): Set<string> {
  const names = new Set<string>();
  for (const set of sets) visit(set, { Variable: (node) => void names.add(node.name.value) });
  return names;
}

/** The payload for one event: static keys from the event, the entity from the query's answer. */
export function payloadOf(plan: PayloadPlan, data: Record<string, unknown>, statics: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const key of plan.keys) value[key.key] = key.kind === 'entity' ? data[key.key] : statics[key.field];
  return { [plan.rootKey]: value };
}
