import {
  type DocumentNode,
  type EnumTypeDefinitionNode,
  type EnumTypeExtensionNode,
  type EnumValueDefinitionNode,
  type GraphQLEnumType,
  type GraphQLEnumValueConfigMap,
  GraphQLDeprecatedDirective,
  type GraphQLFieldMap,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  GraphQLSchema,
  getDirectiveValues,
  isEnumType,
  isInterfaceType,
  isObjectType,
  Kind,
  specifiedDirectives,
} from 'graphql';
import { extendSchemaImpl } from 'graphql/utilities/extendSchema.js';

/** What GraphQLSchema's constructor sets from the types it collects (graphql-js 16). */
interface SchemaTypes {
  _queryType?: GraphQLObjectType | null;
  _mutationType?: GraphQLObjectType | null;
  _subscriptionType?: GraphQLObjectType | null;
  _typeMap: Record<string, GraphQLNamedType>;
  _implementationsMap: Record<string, { objects: GraphQLObjectType[]; interfaces: GraphQLInterfaceType[] }>;
}

/** An object type's fields: a function that builds them until they are first asked for (graphql-js 16). */
interface FieldsThunk {
  _fields: GraphQLFieldMap<unknown, unknown> | (() => GraphQLFieldMap<unknown, unknown>);
}

/** An enum type's values: a function that builds them until they are first asked for (graphql-js 16). */
interface ValuesThunk {
  _values: unknown;
}

type EnumNode = EnumTypeDefinitionNode | EnumTypeExtensionNode;

/**
 * The schema of a document that is known to be valid, as graphql-js's `buildASTSchema` builds it, except that no
 * type's fields are built until something asks for them: a request builds the few types it touches. GraphQLSchema's
 * constructor walks every field of every type to find the types they use, which for a schema built from a whole
 * document finds no type the document does not define, and that walk was most of the schema's build at a cold start
 * (about 10 ms). So the schema is made without types, as graphql-js makes one (its directives and the
 * introspection types), and the document's types are set on it where the constructor would have put them. Enum
 * types' values wait too: graphql-js checks every value's name as it builds them, which was a third of what was left
 * of the build (about 1.8 ms), for enums a request seldom uses.
 *
 * The document must define every type it uses: the standard scalars it uses too (generated/schema-parts.ts does).
 * test/unit/lazy-schema.test.ts checks the schema is the one `buildSchema` builds from the printed type definitions.
 */
export function buildLazySchema(document: DocumentNode): GraphQLSchema {
  const withValues = new Map<EnumNode, EnumNode>();
  const definitions = document.definitions.map((definition) => {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION && definition.kind !== Kind.ENUM_TYPE_EXTENSION) {
      return definition;
    }
    const withoutValues = { ...definition, values: [] };
    withValues.set(withoutValues, definition);
    return withoutValues;
  });
  const config = extendSchemaImpl(
    {
      description: undefined,
      types: [],
      directives: [],
      extensions: Object.create(null),
      extensionASTNodes: [],
      assumeValid: true,
    },
    { ...document, definitions },
    { assumeValidSDL: true },
  );
  const declared = new Set(config.directives.map((directive) => directive.name));
  const schema = new GraphQLSchema({
    directives: [...config.directives, ...specifiedDirectives.filter((directive) => !declared.has(directive.name))],
    assumeValid: true,
  });
  const types = schema as unknown as SchemaTypes;
  const named = (name: string) => config.types.find((type) => type.name === name) as GraphQLObjectType | undefined;
  types._queryType = config.query ?? named('Query');
  types._mutationType = config.mutation ?? named('Mutation');
  types._subscriptionType = config.subscription ?? named('Subscription');
  for (const type of config.types) {
    types._typeMap[type.name] = type;
    if (isEnumType(type)) valuesWhenAsked(type, withValues);
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const implemented of type.getInterfaces()) {
      types._implementationsMap[implemented.name] ??= { objects: [], interfaces: [] };
      const implementations = types._implementationsMap[implemented.name]!;
      if (isObjectType(type)) implementations.objects.push(type);
      else implementations.interfaces.push(type);
    }
  }
  return schema;
}

/**
 * Gives an enum type built from nodes without values the nodes it was written with, and builds its values from them
 * when first asked for, as graphql-js's buildEnumValueMap (private to extendSchemaImpl) does.
 */
function valuesWhenAsked(type: GraphQLEnumType, withValues: ReadonlyMap<EnumNode, EnumNode>): void {
  const original = <T extends EnumNode>(node: T) => (withValues.get(node) ?? node) as T;
  type.astNode = type.astNode && original(type.astNode);
  type.extensionASTNodes = type.extensionASTNodes.map(original);
  const nodes = [type.astNode, ...type.extensionASTNodes];
  (type as unknown as ValuesThunk)._values = () => {
    const values: GraphQLEnumValueConfigMap = Object.create(null);
    for (const value of nodes.flatMap((node) => node?.values ?? [])) {
      values[value.name.value] = {
        description: value.description?.value,
        deprecationReason: deprecationReason(value),
        astNode: value,
      };
    }
    return values;
  };
}

function deprecationReason(value: EnumValueDefinitionNode): string | undefined {
  return getDirectiveValues(GraphQLDeprecatedDirective, value)?.reason as string | undefined;
}

/**
 * Runs `complete` on an object type's fields when they are built (at once if they are): a lazily built schema's
 * resolvers are set this way, so setting them builds nothing.
 */
export function whenFieldsBuilt(
  type: GraphQLObjectType,
  complete: (fields: GraphQLFieldMap<unknown, unknown>) => void,
): void {
  const thunk = type as unknown as FieldsThunk;
  const fields = thunk._fields;
  if (typeof fields !== 'function') {
    complete(fields);
    return;
  }
  thunk._fields = () => {
    const built = fields();
    complete(built);
    return built;
  };
}
