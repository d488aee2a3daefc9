import {
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from './paging.js';

/** How the static cost weighs a query (graphql-armor's weights, so limits set with it keep their meaning). */
const SCALAR_COST = 1;
const OBJECT_COST = 2;
const DEPTH_FACTOR = 1.5;

/** An argument value as a request passes it: literal or variable, after coercion and defaults. */
export interface ArgumentSeen {
  /** Where it was given, as `field.argument` (`createAlliance.input`). */
  path: string;
  type: GraphQLInputType;
  value: unknown;
}

/**
 * The worst-case static cost of an operation, reading `first` whether it is written in the query, passed
 * in a variable or left to the field's default (20): a leaf costs 1; an object 2 plus 1.5 times what it
 * selects; a connection field that many times over its page size. Fragments count as if written out where
 * they are spread, so they cost exactly what inlining them would. `visit` sees every argument value.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  visit: (argument: ArgumentSeen) => void = () => undefined,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();

  const costOf = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | null | undefined): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition;
        total += costOf(selection.selectionSet, condition ? schema.getType(condition.name.value) : parent);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) total += costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
      } else {
        const name = selection.name.value;
        if (name === '__schema' || name === '__type') continue;
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
        if (!selection.selectionSet) {
          total += SCALAR_COST;
          continue;
        }
        let pageSize = 1;
        for (const argument of field?.args ?? []) {
          const given = selection.arguments?.find((each) => each.name.value === argument.name)?.value;
          const value = argumentValue(argument, given, variables);
          visit({ path: `${name}.${argument.name}`, type: argument.type, value });
          if (argument.name === 'first') pageSize = typeof value === 'number' ? Math.max(value, 0) : DEFAULT_PAGE_SIZE;
        }
        const below = costOf(selection.selectionSet, field ? getNamedType(field.type) : null);
        total += (OBJECT_COST + DEPTH_FACTOR * below) * pageSize;
      }
    }
    return total;
  };
  return costOf(operation.selectionSet, root);
}

/** The value an argument takes: as written, from its variable, or its default. */
function argumentValue(
  argument: GraphQLArgument,
  given: Parameters<typeof valueFromAST>[0],
  variables: Readonly<Record<string, unknown>>,
): unknown {
  if (!given) return argument.defaultValue ?? null;
  if (given.kind === Kind.VARIABLE && !(given.name.value in variables)) return argument.defaultValue ?? null;
  return valueFromAST(given, argument.type, variables as Record<string, unknown>) ?? null;
}

/**
 * Calls `each` for every list in an input value: `key` names it by input type and field
 * (`CreateAllianceInput.leadUrns`), `path` by where the request gave it (`createAlliance.input.leadUrns`).
 */
export function eachList(
  path: string,
  type: GraphQLInputType,
  value: unknown,
  each: (key: string, path: string, length: number) => void,
  key = path,
): void {
  if (value === null || value === undefined) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (!Array.isArray(value)) return;
    each(key, path, value.length);
    for (const item of value) eachList(path, inner.ofType, item, each, key);
  } else if (isInputObjectType(inner) && typeof value === 'object') {
    for (const [name, field] of Object.entries(inner.getFields())) {
      eachList(`${path}.${name}`, field.type, (value as Record<string, unknown>)[name], each, `${inner.name}.${name}`);
    }
  }
}
