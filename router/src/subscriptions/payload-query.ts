import {
  Kind,
  type ArgumentNode,
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
 * Where a subscription's payload comes from. Either the payload is a change wrapping an entity
 * (`AppointmentChange { action appointment }`: `entityField` is `appointment`, read by the id the
 * event names, the rest static), or the payload is the entity itself (`entityField` null:
 * `slotsChanged(...) { ... }` read as `slotWindow(...)` with the subscription's own arguments).
 */
export interface PayloadShape {
  readonly entityField: string | null;
  /** The query field that reads the entity: `appointment(id:)`, `slotWindow(doctorId:, ...)`. */
  readonly queryField: string;
  /** `id`: the event's entity id goes into the query field's `id`; `subscription`: the root field's own arguments do. */
  readonly arguments: 'id' | 'subscription';
}

/**
 * How one subscription's payload is read for an event: the subscription's selection on the entity
 * rewritten as a query on the entity's query field, so the gateway resolves it with fields from
 * any subgraph, and the static parts (an `action`, `__typename`) filled in from the event.
 */
export interface PayloadPlan {
  /** The response key of the subscription's root field (its alias, or its name). */
  readonly rootKey: string;
  /** Null when the subscription asks only for static parts (`{ action }`): nothing to read. */
  readonly query: DocumentNode | null;
  /** The variable the entity id goes into; null when the query takes the subscription's arguments. */
  readonly idVariable: string | null;
  /** Response keys inside the payload object: each read from the query, or a static value. Empty when the payload is the entity. */
  readonly keys: readonly PayloadKey[];
  /** The payload is the entity itself: the query's answer under `rootKey` is the payload. */
  readonly wholeEntity: boolean;
}
export type PayloadKey = { readonly kind: 'entity'; readonly key: string } | { readonly kind: 'static'; readonly key: string; readonly field: string };

const ID_VARIABLE = '__entityId';

export function rootFieldOf(document: DocumentNode, operationName?: string | null): { operation: OperationDefinitionNode; field: FieldNode } | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  const field = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value !== '__typename');
  return operation && field ? { operation, field } : null;
}

/** Fragments on the payload type are flattened; a selection naming the entity field twice is merged, as GraphQL does. */
export function payloadPlan(document: DocumentNode, operationName: string | null | undefined, shape: PayloadShape): PayloadPlan | { problem: string } {
  const root = rootFieldOf(document, operationName);
  if (!root?.field.selectionSet) return { problem: 'Select at least one field of the change.' };
  const rootKey = root.field.alias?.value ?? root.field.name.value;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const argumentsOf = (): readonly ArgumentNode[] => (shape.arguments === 'id' ? [idArgument()] : (root.field.arguments ?? []));
  if (shape.entityField === null) {
    const entity: FieldNode = {
      kind: Kind.FIELD,
      alias: { kind: Kind.NAME, value: rootKey },
      name: { kind: Kind.NAME, value: shape.queryField },
      arguments: argumentsOf(),
      selectionSet: root.field.selectionSet,
    };
    return {
      rootKey,
      query: queryOf(root.operation, shape, [entity], fragments),
      idVariable: shape.arguments === 'id' ? ID_VARIABLE : null,
      keys: [],
      wholeEntity: true,
    };
  }
  const entityField = shape.entityField;
  let directive: string | undefined;

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
            name: { kind: Kind.NAME, value: shape.queryField },
            arguments: argumentsOf(),
            selectionSet: { kind: Kind.SELECTION_SET, selections },
          });
        } else if (!keys.some((k) => k.key === key)) keys.push({ kind: 'static', key, field: selection.name.value });
      }
    }
  };
  collect(root.field.selectionSet, new Set());
  if (directive) return { problem: `@${directive} on the change itself is not supported in a subscription; use it inside the ${entityField}.` };
  const idVariable = shape.arguments === 'id' ? ID_VARIABLE : null;
  if (entityFields.size === 0) return { rootKey, query: null, idVariable, keys, wholeEntity: false };
  return { rootKey, query: queryOf(root.operation, shape, [...entityFields.values()], fragments), idVariable, keys, wholeEntity: false };
}

/** The query for the entity fields, with the variables and fragments they use. */
function queryOf(
  operation: OperationDefinitionNode,
  shape: PayloadShape,
  fields: readonly FieldNode[],
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): DocumentNode {
  const selectionSet: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: fields };
  const usedFragments = fragmentsUsedBy(selectionSet, fragments);
  const usedVariables = variablesUsedBy([selectionSet, ...usedFragments.map((f) => f.selectionSet)]);
  const variableDefinitions: VariableDefinitionNode[] = [
    // Declared only when used: an unused variable fails validation.
    ...(shape.arguments === 'id'
      ? [
          {
            kind: Kind.VARIABLE_DEFINITION,
            variable: variable(ID_VARIABLE),
            type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
          } as const,
        ]
      : []),
    ...(operation.variableDefinitions ?? []).filter((v) => usedVariables.has(v.variable.name.value)),
  ];
  return {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        name: { kind: Kind.NAME, value: 'SubscriptionPayload' },
        variableDefinitions,
        selectionSet,
      },
      ...usedFragments,
    ],
  };
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

/** The entity values the answer holds: a null one means the reader may not see it (or it is gone). */
export function entitiesOf(plan: PayloadPlan, data: Record<string, unknown>): unknown[] {
  return plan.wholeEntity ? [data[plan.rootKey]] : plan.keys.filter((k) => k.kind === 'entity').map((k) => data[k.key]);
}

/** The payload for one event: static keys from the event, the entity from the query's answer. */
export function payloadOf(plan: PayloadPlan, data: Record<string, unknown>, statics: Readonly<Record<string, unknown>>): Record<string, unknown> {
  if (plan.wholeEntity) return { [plan.rootKey]: data[plan.rootKey] };
  const value: Record<string, unknown> = {};
  for (const key of plan.keys) value[key.key] = key.kind === 'entity' ? data[key.key] : statics[key.field];
  return { [plan.rootKey]: value };
}
