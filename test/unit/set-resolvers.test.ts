import {
  buildSchema,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  graphql,
  graphqlSync,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Resolvers } from '../../src/graphql/generated/resolvers.js';
import { setResolvers } from '../../src/graphql/set-resolvers.js';

const SDL = `
"""A day."""
scalar Day
type Query { today: Day! pet: Pet }
interface Pet { name: String! }
type Cat implements Pet { name: String! }
`;

const Day = new GraphQLScalarType({ name: 'Day', description: 'Another description', serialize: () => '2026-12-02' });

describe('setting resolvers on a built schema', () => {
  it("answers with the fields' resolvers, the scalars' coercion and the interfaces' type resolvers", () => {
    // prepare
    const schema = buildSchema(SDL);
    const resolvers = {
      Day,
      Query: { today: () => new Date(), pet: () => ({ name: 'Tom' }) },
      Pet: { __resolveType: () => 'Cat' },
    } as unknown as Resolvers;

    // act
    setResolvers(schema, resolvers);

    // assess
    const result = graphqlSync({ schema, source: '{ today pet { __typename name } }' });
    expect(result).toEqual({ data: { today: '2026-12-02', pet: { __typename: 'Cat', name: 'Tom' } } });
    expect(schema.getType('Day')?.description).toBe('A day.');
  });

  it('refuses a resolver for a field the schema does not have, naming it', () => {
    // prepare
    const schema = buildSchema(SDL);
    const resolvers = { Query: { yesterday: () => null } } as unknown as Resolvers;

    // act
    const act = () => setResolvers(schema, resolvers);

    // assess
    expect(act).toThrow('Query.yesterday');
  });

  it('sets resolvers on a schema made in code too, and refuses one for a field it lacks', () => {
    // prepare
    const query = new GraphQLObjectType({ name: 'Query', fields: { greeting: { type: GraphQLString } } });
    const schema = new GraphQLSchema({ query });

    // act
    setResolvers(schema, { Query: { greeting: () => 'hello' } } as unknown as Resolvers);
    const refused = () => setResolvers(schema, { Query: { farewell: () => 'bye' } } as unknown as Resolvers);

    // assess
    expect(graphqlSync({ schema, source: '{ greeting }' })).toEqual({ data: { greeting: 'hello' } });
    expect(refused).toThrow('Query.farewell');
  });

  it("loads a type's lazy resolvers once, when one of its fields is first resolved", async () => {
    // prepare
    const schema = buildSchema(`${SDL} type Mutation { feed: String! pat: String! }`);
    let loads = 0;
    const loadMutations = async () => {
      loads += 1;
      return { feed: () => 'fed', pat: () => 'patted' };
    };
    setResolvers(schema, {} as Resolvers, { Mutation: loadMutations });
    const loadsBeforeUse = loads;

    // act
    const result = await graphql({ schema, source: 'mutation { feed pat }' });

    // assess
    expect(loadsBeforeUse).toBe(0);
    expect(result).toEqual({ data: { feed: 'fed', pat: 'patted' } });
    expect(loads).toBe(1);
  });
});
