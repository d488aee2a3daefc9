import {
  type DocumentNode,
  type GraphQLFieldMap,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  GraphQLSchema,
  isInterfaceType,
  isObjectType,
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

/**
 * The schema of a document that is known to be valid, as graphql-js's `buildASTSchema` builds it, except that no
 * type's fields are built until something asks for them: a request builds the few types it touches. GraphQLSchema's
 * constructor walks every field of every type to find the types they use, which for a schema built from a whole
 * document finds no type the document does not define, and that walk was most of the schema's build at a cold start
 * (about 10 ms). So the schema is made without types, as graphql-js makes one (its directives and the
 * introspection types), and the document's types are set on it where the constructor would have put them.
 *
 * The document must define every type it uses: the standard scalars it uses too (generated/schema-parts.ts does).
 * test/unit/schema.test.ts checks the schema is the one `buildSchema` builds from the printed type definitions.
 */
export function buildLazySchema(document: DocumentNode): GraphQLSchema {
  const config = extendSchemaImpl(
    {
      description: undefined,
      types: [],
      directives: [],
      extensions: Object.create(null),
      extensionASTNodes: [],
      assumeValid: true,
    },
    document,
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
