import { describe, expect, it } from 'vitest';
import { DEFAULT_REQUEST_LIMITS } from '../../src/graphql/limits.js';
import { DEFAULT_DYNAMODB_REQUEST_BUDGET } from '../../src/store/request-budget.js';
import {
  DEFAULT_PAGES_QUERY,
  FRAGMENT_QUERY,
  nestedPagesQuery,
  widePagesQuery,
} from '../../scripts/bench/attack-queries.js';
import { graphqlClient } from '../support/graphql.js';
import { emptyStore, shippedStore } from '../support/store.js';
import { seedSchools } from '../support/teaching-schools.js';

const refusedForCost = {
  status: 400,
  errors: [
    {
      message: expect.stringMatching(/^Query Cost limit of 50000 exceeded, found \d+(\.\d+)?\.$/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxCost', requestId: expect.any(String) },
    },
  ],
  extensions: {
    cost: {
      staticCost: expect.toSatisfy((cost: number) => cost > 50_000),
      limit: 50_000,
      dynamoDbRequests: 0,
      dynamoDbRequestLimit: 500,
    },
  },
};

describe('the static cost limit, with page sizes from variables and defaults', () => {
  it.each([
    ['pages of $n = 100 in a variable', nestedPagesQuery(), { n: 100 }],
    ['the same under 20 aliases', nestedPagesQuery(20), { n: 100 }],
    ['the same spread from fragments', FRAGMENT_QUERY, { n: 100 }],
    ['every page left to its default of 20', DEFAULT_PAGES_QUERY, {}],
  ])('refuses %s with 400 before any DynamoDB request', async (_name, query, variables) => {
    const { store, requests } = shippedStore();
    const graphql = graphqlClient(store);

    const response = await graphql(query, variables);

    expect(response).toEqual(refusedForCost);
    expect(requests.total).toBe(0);
  });

  it('answers the same nested query with pages of 1, within the DynamoDB request budget', async () => {
    const { store, requests } = shippedStore();
    const graphql = graphqlClient(store);

    const response = await graphql(nestedPagesQuery(), { n: 1 });

    expect(response.errors).toBeUndefined();
    expect(response.data?.r0).toHaveLength(9);
    expect(requests.total).toBeLessThanOrEqual(DEFAULT_DYNAMODB_REQUEST_BUDGET);
  });
});

describe('the static cost of a query sent again', () => {
  it('refuses a costly query without variables each time it is sent; costs variable pages per request', async () => {
    const { store, requests } = shippedStore();
    const graphql = graphqlClient(store);
    const page = 'query ($n: Int) { schools(first: $n) { edges { node { urn } } } }';

    const refusals = [await graphql(DEFAULT_PAGES_QUERY), await graphql(DEFAULT_PAGES_QUERY)];
    const pages = [await graphql(page, { n: 10 }), await graphql(page, { n: 100_000 }), await graphql(page, { n: 10 })];

    expect(refusals).toEqual([refusedForCost, refusedForCost]);
    expect(refusals[1]?.extensions?.cost.staticCost).toBe(refusals[0]?.extensions?.cost.staticCost);
    expect(pages.map((response) => [response.status, response.extensions?.cost.staticCost])).toEqual([
      [200, 128.75],
      [400, 1_287_500],
      [200, 128.75],
    ]);
    expect(pages[1]?.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxCost' });
    expect(requests.total).toBe(2);
  });
});

describe('the DynamoDB request budget of each request', () => {
  it('stops an admitted query at 500 DynamoDB requests, with one top-level QUERY_TOO_COSTLY', async () => {
    const { store, requests } = shippedStore();
    const graphql = graphqlClient(store);
    const query = widePagesQuery(13);

    const response = await graphql(query);

    expect(response.status).toBe(200);
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      {
        message: expect.stringContaining('budget of 500 DynamoDB requests'),
        extensions: { code: 'QUERY_TOO_COSTLY', limit: 'maxDynamoDbRequests', requestId: expect.any(String) },
      },
    ]);
    expect(response.extensions?.cost).toMatchObject({ dynamoDbRequests: 500, dynamoDbRequestLimit: 500 });
    expect(requests.total).toBe(500);
  });

  it('writes nothing when a mutation reaches its budget', async () => {
    const { store } = await emptyStore();
    await seedSchools(store, [{ urn: '900001' }]);
    const tight = graphqlClient(store, { maxDynamoDbRequests: 2 });
    const create = `mutation ($input: CreateAllianceInput!) { createAlliance(input:
        $input) { alliance { id } userErrors { code } } }`;

    const response = await tight(create, { input: { name: 'Budget Alliance', type: 'SINGLE', leadUrns: ['900001'] } });
    const after = await graphqlClient(store)(
      '{ alliances { totalCount } school(urn: "900001") { leadsAlliance { id } } }',
    );

    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(after.data).toEqual({ alliances: { totalCount: 0 }, school: { leadsAlliance: null } });
  });
});

describe('what a request cost, in extensions.cost', () => {
  it('reports the static cost, its limit and the DynamoDB requests made', async () => {
    const { store, requests } = shippedStore();
    const graphql = graphqlClient(store);

    const response = await graphql('query ($n: Int) { schools(first: $n) { edges { node { urn } } } }', { n: 10 });

    expect(response.extensions?.cost).toEqual({
      // schools, edges, node, urn: (2 + 1.5 × (2 + 1.5 × (2 + 1.5 × 1))) × 10 schools.
      staticCost: 128.75,
      limit: DEFAULT_REQUEST_LIMITS.maxCost,
      dynamoDbRequests: requests.total,
      dynamoDbRequestLimit: DEFAULT_DYNAMODB_REQUEST_BUDGET,
    });
    expect(requests.total).toBeGreaterThan(0);
  });
});

describe('the documented maximum of every list input', () => {
  it('refuses createAlliance with 10,000 lead URNs: 400 naming the field, before any DynamoDB request', async () => {
    const { store, requests } = shippedStore();
    const graphql = graphqlClient(store);
    const leadUrns = Array.from({ length: 10_000 }, (_, index) => String(100000 + index));

    const response = await graphql(
      `mutation ($input: CreateAllianceInput!) { createAlliance(input:
        $input) { alliance { id } userErrors { code } } }`,
      { input: { name: 'Huge', type: 'MULTIPLE', leadUrns } },
    );

    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      {
        message: 'createAlliance.input.leadUrns holds 10000 items; at most 10 are accepted',
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'createAlliance.input.leadUrns',
          maximum: 10,
          requestId: expect.any(String),
        },
      },
    ]);
    expect(requests.total).toBe(0);
  });
});
