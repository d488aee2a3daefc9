import { buildSchema, getOperationAST, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '../../src/graphql/generated/type-defs.js';
import { DEFAULT_REQUEST_LIMITS, requestLimits, type RequestLimits } from '../../src/graphql/limits.js';
import { operationCost } from '../../src/graphql/query-cost.js';

const schema = buildSchema(typeDefs);

/** The validation errors a query gets under the given limits (the schema's own rules included). */
function errorsUnder(limits: RequestLimits, query: string) {
  return validate(schema, parse(query), [...specifiedRules, ...requestLimits(limits).validationRules]);
}

const SCHOOLS_PAGE =
  '{ schools(first: 100) { edges { node { urn name localAuthority { code name region { name } } } } } }';
const NESTED_PAGES =
  '{ localAuthorities(first: 100) { edges { node { schools(first: 100) { edges { node { urn } } } } } } }';

describe('request limits', () => {
  it.each([
    [
      'maxDepth',
      { maxDepth: 3 },
      '{ school(urn: "100000") { localAuthority { region { name } } } }',
      'Query depth limit of 3 exceeded, found 4.',
    ],
    [
      'maxAliases',
      { maxAliases: 1 },
      '{ a: regions { name } b: regions { name } }',
      'Aliases limit of 1 exceeded, found 2.',
    ],
    [
      'maxDirectives',
      { maxDirectives: 1 },
      '{ regions { name @include(if: true) code @skip(if: false) } }',
      'Directives limit of 1 exceeded, found 2.',
    ],
  ] as const)('refuses a query over a configured %s, naming the limit', (limit, limits, query, message) => {
    const errors = errorsUnder(limits, query);

    expect(errors.map((error) => ({ message: error.message, extensions: error.extensions }))).toEqual([
      { message, extensions: { limit } },
    ]);
  });

  it('keeps the defaults for the limits not configured', () => {
    const { parseOptions } = requestLimits({ maxDepth: 3 });

    expect(parseOptions).toEqual({ maxLexicalTokens: DEFAULT_REQUEST_LIMITS.maxTokens });
    expect(errorsUnder({ maxDepth: 3 }, '{ a: regions { name } b: regions { name } }')).toEqual([]);
  });
});

/** The static cost of a query, with the given variables. */
function costOf(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  return operationCost(schema, document, getOperationAST(document)!, variables);
}

describe('static cost', () => {
  it('costs a page of 100 schools with their local authorities and regions at about 5,100', () => {
    expect(costOf(SCHOOLS_PAGE)).toBe(5084.375);
  });

  it('costs two nested pages of 100 over the default limit, however little they select', () => {
    expect(costOf(NESTED_PAGES)).toBe(435481.25);
    expect(costOf(NESTED_PAGES)).toBeGreaterThan(DEFAULT_REQUEST_LIMITS.maxCost);
  });

  it("reads first from a variable, from the variable's default, and from the field's default of 20", () => {
    const literal = costOf('{ schools(first: 20) { edges { cursor } } }');

    expect(costOf('query ($n: Int) { schools(first: $n) { edges { cursor } } }', { n: 20 })).toBe(literal);
    expect(costOf('query ($n: Int = 20) { schools(first: $n) { edges { cursor } } }')).toBe(literal);
    expect(costOf('{ schools { edges { cursor } } }')).toBe(literal);
  });

  it('costs fragments as if written out where they are spread', () => {
    const inline = costOf('{ schools(first: 50) { edges { node { urn localAuthority { name } } } } }');

    expect(
      costOf(
        `{ schools(first: 50) { ...Page } } fragment Page on SchoolConnection
          { edges { node { urn localAuthority { name } } } }`,
      ),
    ).toBe(inline);
    expect(costOf('{ schools(first: 50) { edges { node { ... on School { urn localAuthority { name } } } } } }')).toBe(
      inline,
    );
  });
});
