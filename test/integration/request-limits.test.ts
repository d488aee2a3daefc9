import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphqlHandler } from '../../src/entry/graphql-handler.js';
import { startLocalServer } from '../../src/entry/local-server.js';
import { DEFAULT_REQUEST_LIMITS } from '../../src/graphql/limits.js';
import { createGraphqlServer, type GraphqlServerOptions } from '../../src/graphql/server.js';
import { DEVELOPER } from '../support/developer.js';
import { shippedStore } from '../support/store.js';

type Post = (body: unknown) => Promise<{ status: number; body: any }>;

/** The local server over the shipped registry, with the given server settings; requests go over HTTP. */
async function serve(options: GraphqlServerOptions): Promise<{ post: Post; close: () => void }> {
  const handler = createGraphqlHandler({
    server: createGraphqlServer(options),
    store: shippedStore().store,
    identify: () => DEVELOPER,
  });
  const server = await startLocalServer({ handler, port: 0 });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const post: Post = async (body) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  return { post, close: () => server.close() };
}

/** Nests region → localAuthorities → edges → node → region ... until the path, leaf included, is `depth` fields. */
function queryOfDepth(depth: number): string {
  const cycle = [
    { field: 'localAuthorities(first: 1)', leaf: 'totalCount' },
    { field: 'edges', leaf: 'cursor' },
    { field: 'node', leaf: 'code' },
    { field: 'region', leaf: 'name' },
  ];
  const path = ['region(code: LONDON)'];
  let leaf = 'name';
  for (let step = 0; path.length < depth - 1; step += 1) {
    path.push(cycle[step % cycle.length]!.field);
    leaf = cycle[step % cycle.length]!.leaf;
  }
  return `{ ${path.map((field) => `${field} { `).join('')}${leaf}${' }'.repeat(path.length)} }`;
}

/**
 * A query graphql-armor costs at exactly `cost`: a page of 100 schools' edges with k cursors costs
 * (2 + 1.5 × (2 + 1.5k)) × 100 = 500 + 225k, and each top-level `__typename` adds 1.
 */
function queryCosting(cost: number): string {
  const cursors = Math.floor((cost - 500) / 225);
  const typenames = cost - 500 - 225 * cursors;
  return `{ schools(first: 100) { edges { ${'cursor '.repeat(cursors)}} } ${'__typename '.repeat(typenames)}}`;
}

const queryWithAliases = (aliases: number) =>
  `{ ${Array.from({ length: aliases }, (_, n) => `r${n}: region(code: LONDON) { name }`).join(' ')} }`;
const queryWithDirectives = (directives: number) =>
  `{ region(code: LONDON) { ${'name @include(if: true) '.repeat(directives)}} }`;
/**
 * A document of exactly `tokens` tokens, operation Q0 to run: named operations `query Qn { __typename }` of 5
 * tokens each, the first padded with more `__typename`s. (Repeating one field instead would trip graphql-js's
 * own budget for comparing overlapping fields first.)
 */
function documentOfTokens(tokens: number): { query: string; operationName: string } {
  const operations = Array.from({ length: Math.floor(tokens / 5) }, (_, n) => `query Q${n} { __typename }`);
  operations[0] = `query Q0 { ${'__typename '.repeat(1 + (tokens % 5))}}`;
  return { query: operations.join('\n'), operationName: 'Q0' };
}

let production: Awaited<ReturnType<typeof serve>>;
let explorable: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  production = await serve({});
  explorable = await serve({ introspection: true });
});

afterAll(() => {
  production.close();
  explorable.close();
});

describe('request limits', () => {
  const { maxDepth, maxCost, maxAliases, maxDirectives } = DEFAULT_REQUEST_LIMITS;

  it.each([
    ['maxDepth', maxDepth, queryOfDepth, `Query depth limit of ${maxDepth} exceeded, found ${maxDepth + 1}.`],
    ['maxCost', maxCost, queryCosting, `Query Cost limit of ${maxCost} exceeded, found ${maxCost + 1}.`],
    ['maxAliases', maxAliases, queryWithAliases, `Aliases limit of ${maxAliases} exceeded, found ${maxAliases + 1}.`],
    [
      'maxDirectives',
      maxDirectives,
      queryWithDirectives,
      `Directives limit of ${maxDirectives} exceeded, found ${maxDirectives + 1}.`,
    ],
  ] as const)(
    'answers a query at %s (%i) and refuses one over it with 400, naming the limit',
    async (limit, value, query, message) => {
      const atLimit = await production.post({ query: query(value) });
      const overLimit = await production.post({ query: query(value + 1) });

      expect(atLimit.status).toBe(200);
      expect(atLimit.body.errors).toBeUndefined();
      expect(overLimit.status).toBe(400);
      expect(overLimit.body.data).toBeUndefined();
      expect(overLimit.body.errors).toEqual([
        { message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, requestId: expect.any(String) } },
      ]);
    },
  );

  it('parses a document at the token limit and refuses a longer one as a parse failure, not a 500', async () => {
    const atLimit = await production.post(documentOfTokens(DEFAULT_REQUEST_LIMITS.maxTokens));
    const overLimit = await production.post(documentOfTokens(DEFAULT_REQUEST_LIMITS.maxTokens + 1));

    expect(atLimit.status).toBe(200);
    expect(atLimit.body.errors).toBeUndefined();
    expect(overLimit.status).toBe(400);
    expect(overLimit.body.errors[0]).toMatchObject({
      message: `Syntax Error: Document contains more that ${DEFAULT_REQUEST_LIMITS.maxTokens} tokens. Parsing aborted.`,
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });

  it('answers a syntax error with 400 and a GraphQL error, never 500', async () => {
    const response = await production.post({ query: '{ school(urn: "100000") { name ' });

    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({
      message: expect.stringContaining('Syntax Error'),
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });

  it('refuses a batch (a JSON array of operations) with 400 and runs none of it', async () => {
    const response = await production.post([
      { query: '{ school(urn: "100000") { name } }' },
      { query: '{ regions { name } }' },
    ]);

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('admits the heaviest query expected: a page of 100 schools with their local authorities and regions', async () => {
    const response = await production.post({
      query: '{ schools(first: 100) { edges { node { urn name localAuthority { code name region { name } } } } } }',
    });

    expect(response.status).toBe(200);
    expect(response.body.data.schools.edges).toHaveLength(100);
  });
});

describe('schema details in production', () => {
  it('refuses introspection unless configured on', async () => {
    const query = '{ __schema { queryType { name } } }';

    const refused = await production.post({ query });
    const allowed = await explorable.post({ query });

    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({
      message: expect.stringContaining('introspection is not allowed'),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(allowed.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('hides "Did you mean" for fields and for enum values in variables unless introspection is on', async () => {
    const misspeltField = { query: '{ school(urn: "100000") { nam } }' };
    const misspeltEnum = {
      query: 'query ($filter: SchoolFilter) { schools(filter: $filter) { totalCount } }',
      variables: { filter: { ofstedRating: 'OUTSTANDIN' } },
    };

    const [field, enumValue] = [await production.post(misspeltField), await production.post(misspeltEnum)];
    const [fieldExplorable, enumExplorable] = [
      await explorable.post(misspeltField),
      await explorable.post(misspeltEnum),
    ];

    expect(field.body.errors[0].message).toBe('Cannot query field "nam" on type "School".');
    expect(enumValue.body.errors[0].message).toBe(
      'Variable "$filter" got invalid value "OUTSTANDIN" at "filter.ofstedRating"; ' +
        'Value "OUTSTANDIN" does not exist in "OfstedRating" enum.',
    );
    expect(fieldExplorable.body.errors[0].message).toContain('Did you mean "name"?');
    expect(enumExplorable.body.errors[0].message).toContain('Did you mean the enum value "OUTSTANDING"?');
  });
});
