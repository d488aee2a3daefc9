import {
  buildSchema,
  type GraphQLObjectType,
  graphql,
  isAbstractType,
  isObjectType,
  parse,
  printSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Resolvers } from '../../src/graphql/generated/resolvers.js';
import { typeDefs } from '../../src/graphql/generated/type-defs.js';
import { buildLazySchema, whenFieldsBuilt } from '../../src/graphql/lazy-schema.js';
import { schema as serverSchema } from '../../src/graphql/server.js';
import { setResolvers } from '../../src/graphql/set-resolvers.js';

const SDL = `
type Query { pet(name: String = "Tom"): Pet shelters: [Shelter!]! }
interface Pet { name: String! }
type Cat implements Pet { name: String! lives: Int! mood: Mood }
enum Mood { HAPPY SAD @deprecated(reason: "Cheer up") }
extend enum Mood { SLEEPY }
union Shelter = Cat
type Mutation { adopt(name: String!): Cat }
`;

/** The shape of a schema: its printed SDL, its types' names, and each abstract type's possible types. */
function shapeOf(schema: ReturnType<typeof buildSchema>) {
  const types = Object.values(schema.getTypeMap());
  return {
    printed: printSchema(schema),
    types: types.map((type) => type.name).sort(),
    possibleTypes: types
      .filter(isAbstractType)
      .map((type) => [type.name, schema.getPossibleTypes(type).map((possible) => possible.name)]),
    roots: [schema.getQueryType()?.name, schema.getMutationType()?.name, schema.getSubscriptionType()?.name],
  };
}

describe('a schema whose fields are built when first asked for', () => {
  it('is the schema buildSchema builds from the same SDL, once the standard scalars it uses are declared', () => {
    // prepare
    const document = parse(`${SDL} scalar String scalar Int`);

    // act
    const lazy = buildLazySchema(document);

    // assess
    expect(shapeOf(lazy)).toEqual(shapeOf(buildSchema(SDL)));
  });

  it('answers with the resolvers set on it, each set when its type is first used', async () => {
    // prepare
    const schema = buildLazySchema(parse(`${SDL} scalar String scalar Int`));
    const resolvers = {
      Query: { pet: (_: unknown, { name }: { name: string }) => ({ name, lives: 9 }), shelters: () => [] },
      Pet: { __resolveType: () => 'Cat' },
    } as unknown as Resolvers;
    const mutation = async () => ({ adopt: (_: unknown, { name }: { name: string }) => ({ name, lives: 1 }) });
    setResolvers(schema, resolvers, { Mutation: mutation });

    // act
    const query = await graphql({
      schema,
      source: '{ pet { __typename name ... on Cat { lives } } shelters { __typename } }',
    });
    const adopted = await graphql({ schema, source: 'mutation { adopt(name: "Felix") { name lives } }' });

    // assess
    expect(query).toEqual({ data: { pet: { __typename: 'Cat', name: 'Tom', lives: 9 }, shelters: [] } });
    expect(adopted).toEqual({ data: { adopt: { name: 'Felix', lives: 1 } } });
  });

  it("runs what waits for an object type's fields once, when they are built, or at once if they are", () => {
    // prepare
    const schema = buildLazySchema(parse(`${SDL} scalar String scalar Int`));
    const cat = schema.getType('Cat') as GraphQLObjectType;
    const seen: string[][] = [];
    whenFieldsBuilt(cat, (fields) => seen.push(Object.keys(fields)));
    const before = seen.length;

    // act
    cat.getFields();
    cat.getFields();
    whenFieldsBuilt(cat, (fields) => seen.push(Object.keys(fields)));

    // assess
    expect(before).toBe(0);
    expect(seen).toEqual([
      ['name', 'lives', 'mood'],
      ['name', 'lives', 'mood'],
    ]);
  });

  it("is, for the registry's schema, the schema buildSchema builds from the printed type definitions", () => {
    // act
    const shape = shapeOf(serverSchema);

    // assess
    const eager = buildSchema(typeDefs);
    expect({ ...shape, printed: undefined }).toEqual({ ...shapeOf(eager), printed: undefined });
    for (const type of Object.values(serverSchema.getTypeMap()).filter(isObjectType)) {
      const fields = (eager.getType(type.name) as GraphQLObjectType).getFields();
      expect(Object.keys(type.getFields()), type.name).toEqual(Object.keys(fields));
    }
  });
});
