import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '../../src/graphql/generated/type-defs.js';
import { DEFAULT_REQUEST_LIMITS, requestLimits, type RequestLimits } from '../../src/graphql/limits.js';

const schema = buildSchema(typeDefs);

/** The validation errors a query gets under the given limits (the schema's own rules included). */
function errorsUnder(limits: RequestLimits, query: string) {
  return validate(schema, parse(query), [...specifiedRules, ...requestLimits(limits).validationRules]);
}

const SCHOOLS_PAGE = '{ schools(first: 100) { edges { node { urn name localAuthority { code name region { name } } } } } }';
const NESTED_PAGES = '{ localAuthorities(first: 100) { edges { node { schools(first: 100) { edges { node { urn } } } } } } }';

describe('request limits', () => {
  it.each([
    ['maxDepth', { maxDepth: 3 }, '{ school(urn: "100000") { localAuthority { region { name } } } }', 'Query depth limit of 3 exceeded, found 4.'],
    ['maxAliases', { maxAliases: 1 }, '{ a: regions { name } b: regions { name } }', 'Aliases limit of 1 exceeded, found 2.'],
    ['maxDirectives', { maxDirectives: 1 }, '{ regions { name @include(if: true) code @skip(if: false) } }', 'Directives limit of 1 exceeded, found 2.'],
    ['maxCost', { maxCost: 10 }, '{ regions { name code localAuthorities { totalCount } } }', 'Query Cost limit of 10 exceeded, found 10.25.'],
  ] as const)('refuses a query over a configured %s, naming the limit', (limit, limits, query, message) => {
    const errors = errorsUnder(limits, query);

    expect(errors.map((error) => ({ message: error.message, extensions: error.extensions }))).toEqual([{ message, extensions: { limit } }]);
  });

  it('keeps the defaults for the limits not configured', () => {
    const { parseOptions } = requestLimits({ maxDepth: 3 });

    expect(parseOptions).toEqual({ maxLexicalTokens: DEFAULT_REQUEST_LIMITS.maxTokens });
    expect(errorsUnder({ maxDepth: 3 }, '{ a: regions { name } b: regions { name } }')).toEqual([]);
  });

  it('costs a page of 100 schools with their local authorities and regions at about 5,100', () => {
    expect(errorsUnder({ maxCost: 5100 }, SCHOOLS_PAGE)).toEqual([]);
    expect(errorsUnder({ maxCost: 5000 }, SCHOOLS_PAGE)).toHaveLength(1);
  });

  it('refuses two nested pages of 100 by default, however little they select', () => {
    const errors = errorsUnder({}, NESTED_PAGES);

    expect(errors.map((error) => [error.message, error.extensions.limit])).toEqual([['Query Cost limit of 50000 exceeded, found 435481.25.', 'maxCost']]);
  });
});
