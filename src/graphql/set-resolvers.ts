import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  type GraphQLIsTypeOfFn,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLTypeResolver,
  isAbstractType,
  isObjectType,
  isScalarType,
} from 'graphql';
import type { Resolvers } from './generated/resolvers.js';
import { whenFieldsBuilt } from './lazy-schema.js';

/**
 * Sets the resolvers on the schema's types in place: object types' field resolvers (and `__isTypeOf`), interfaces'
 * and unions' `__resolveType`, and scalars' coercion (from the GraphQLScalarType given for them; the schema's own
 * description stays). A resolver for a type, field or kind the schema does not have is an error, so a resolver left
 * behind by a schema change fails at load rather than never running. Field resolvers are set when the type's fields
 * are built (lazy-schema.ts), and `lazy` types' resolvers are loaded when first needed.
 */
export function setResolvers(schema: GraphQLSchema, resolvers: Resolvers, lazy: LazyResolvers = {}): void {
  for (const [typeName, given] of Object.entries(resolvers) as [string, Record<string, unknown>][]) {
    const type = schema.getType(typeName);
    if (isScalarType(type) && isScalarType(given)) {
      type.serialize = given.serialize;
      type.parseValue = given.parseValue;
      type.parseLiteral = given.parseLiteral;
      continue;
    }
    const fieldResolvers = new Map<string, GraphQLFieldResolver<unknown, unknown>>();
    const fieldNames = isObjectType(type) ? declaredFields(type) : new Set<string>();
    for (const [name, resolver] of Object.entries(given)) {
      if (isAbstractType(type) && name === '__resolveType') {
        type.resolveType = resolver as GraphQLTypeResolver<unknown, unknown>;
      } else if (isObjectType(type) && name === '__isTypeOf') {
        type.isTypeOf = resolver as GraphQLIsTypeOfFn<unknown, unknown>;
      } else if (isObjectType(type) && fieldNames.has(name)) {
        fieldResolvers.set(name, resolver as GraphQLFieldResolver<unknown, unknown>);
      } else {
        throw new Error(`A resolver for ${typeName}.${name}, which the schema does not have`);
      }
    }
    if (isObjectType(type) && fieldResolvers.size > 0) {
      whenFieldsBuilt(type, (fields) => {
        for (const [name, resolver] of fieldResolvers) fields[name]!.resolve = resolver;
      });
    }
  }
  for (const [typeName, load] of Object.entries(lazy)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`Lazy resolvers for ${typeName}, which is not an object type`);
    let loaded: Promise<object> | undefined;
    whenFieldsBuilt(type, (fields) => {
      for (const field of Object.values(fields)) {
        field.resolve = async (source, args, context, info) => {
          loaded ??= load!();
          const given = (await loaded) as Record<string, GraphQLFieldResolver<unknown, unknown> | undefined>;
          return (given[field.name] ?? defaultFieldResolver)(source, args, context, info);
        };
      }
    });
  }
}

/** The names of an object type's fields, from its definition where it has one (so its fields need not be built). */
function declaredFields(type: GraphQLObjectType): Set<string> {
  if (!type.astNode) return new Set(Object.keys(type.getFields()));
  const definitions = [type.astNode, ...type.extensionASTNodes];
  return new Set(definitions.flatMap((definition) => definition.fields?.map((field) => field.name.value) ?? []));
}

/**
 * An object type's field resolvers, loaded (a dynamic import) when one of its fields is first resolved: every field
 * of the type resolves through them.
 */
export type LazyResolvers = Partial<Record<keyof Resolvers, () => Promise<object>>>;
