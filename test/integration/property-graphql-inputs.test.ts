import { isDeepStrictEqual } from 'node:util';
import { DeleteCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { buildSchema, type GraphQLEnumType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { typeDefs } from '../../src/graphql/generated/type-defs.js';
import type { Store } from '../../src/store/store.js';
import { graphqlClient, type GraphqlResponse } from '../support/graphql.js';
import { emptyStore } from '../support/store.js';
import { seedSchools } from '../support/teaching-schools.js';
import { LongText } from '../support/long-text.js';

/** Runs per property: enough to reach odd corners, few enough that the file takes seconds. */
const RUNS = 50;

const TEACHING = '900001';
const OUTSTANDING = '900002';
const GOOD = '900003';
const LEAD = '900004';
const SMALL_TEACHING = '900005';

let store: Store;
let graphql: ReturnType<typeof graphqlClient>;
let allianceId: string;

beforeAll(async () => {
  ({ store } = await emptyStore());
  graphql = graphqlClient(store);
  await seedSchools(store, [
    { urn: TEACHING },
    { urn: OUTSTANDING, teaching: false },
    { urn: GOOD, rating: 'Good', teaching: false },
    { urn: LEAD },
    { urn: SMALL_TEACHING, pupils: 100 },
  ]);
  const created = await graphql(
    `mutation { createAlliance(input: { name: "Fixture Alliance",
      type: SINGLE, leadUrns: ["900004"] }) { alliance { id } } }`,
  );
  allianceId = created.data?.createAlliance.alliance.id;
});

/** Every item in the fixture table, in key order. A Scan: fine in a test, never on a request path. */
async function tableItems(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(
      new ScanCommand({ TableName: store.tableName, ConsistentRead: true, ExclusiveStartKey: startKey }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items.sort((left, right) => `${left.pk}|${left.sk}`.localeCompare(`${right.pk}|${right.sk}`));
}

/** Puts the table back as it was, so an accepted change does not use up the fixture for the runs after it. */
async function restoreTable(items: Record<string, unknown>[]): Promise<void> {
  const keyOf = (item: Record<string, unknown>) => `${item.pk}|${item.sk}`;
  const wanted = new Map(items.map((item) => [keyOf(item), item]));
  const current = new Map((await tableItems()).map((item) => [keyOf(item), item]));
  for (const [key, item] of current) {
    if (!wanted.has(key))
      await store.doc.send(new DeleteCommand({ TableName: store.tableName, Key: { pk: item.pk, sk: item.sk } }));
  }
  for (const [key, item] of wanted) {
    if (!isDeepStrictEqual(current.get(key), item))
      await store.doc.send(new PutCommand({ TableName: store.tableName, Item: item }));
  }
}

function expectNoFault(response: GraphqlResponse): void {
  expect(response.status).not.toBe(500);
  expect(response.errors?.filter((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR') ?? []).toEqual([]);
}

const schema = buildSchema(typeDefs);
const enumValues = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((value) => value.name);

const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\uD800',
      'a\uDFFFb',
      '\u202Eevil',
      'Ｏｕｔｓｔａｎｄｉｎｇ',
      '١٢٣٤٥٦',
      '𝟗𝟎𝟎𝟎𝟎𝟏',
      '#',
      'SCHOOL#900001',
      'ALLIANCE#',
      "'; DROP TABLE registry; --",
    ),
  },
  // Past the limits that matter: 200-character names, 1 KB index keys, 2 KB partition keys, 400 KB items.
  { weight: 1, arbitrary: fc.integer({ min: 40, max: 5000 }).map((times) => new LongText('long', times)) },
  { weight: 1, arbitrary: fc.constant(new LongText('huge', 110_000)) },
);
/** Anything JSON can carry where a scalar belongs, so the GraphQL types get their turn to refuse. */
const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);
const maybeWrong = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 9, arbitrary }, { weight: 1, arbitrary: wrongType });

const urn = maybeWrong(
  fc.oneof(
    fc.constantFrom(TEACHING, OUTSTANDING, GOOD, LEAD, SMALL_TEACHING),
    fc.stringMatching(/^\d{6}$/),
    fc.constantFrom(' 900001 ', '0900001', '9000010', '900001\n', '90000l'),
    fc.integer().map(String),
    text,
  ),
);
const date = maybeWrong(
  fc.oneof(
    fc
      .date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
      .map((day) => day.toISOString().slice(0, 10)),
    fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(
        ([year, month, day]) =>
          `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      ),
    fc.constantFrom(
      '2018-02-29',
      '2016-02-29',
      '0000-01-01',
      '9999-12-31',
      '2018-03-01T00:00:00Z',
      '01-03-2018',
      '+275760-09-13',
      '２０１８-０３-０１',
    ),
    text,
  ),
);
const whole = maybeWrong(
  fc.oneof(
    fc.integer(),
    fc.constantFrom(0, -1, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e308, 1.5, -0),
    fc.constant('3'),
  ),
);
const enumOf = (name: string) =>
  maybeWrong(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...enumValues(name)) }, { weight: 1, arbitrary: text }));
type Model = Record<string, fc.Arbitrary<unknown>>;
/** An input object with every field, or now and then with any of them missing (required ones too). */
const input = (model: Model) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record(model) },
    { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) },
  );
/**
 * A random input, or (as often) one the fixture accepts with a single field made random, to reach the rules and the
 * writes.
 */
const inputNear = (valid: Record<string, unknown>, model: Model) =>
  fc.oneof(
    input(model),
    fc
      .constantFrom(...Object.keys(model))
      .chain((field) => model[field]!.map((value) => ({ ...valid, [field]: value }))),
  );

/**
 * Each mutation with random input, the payload it answers with, and inputs fast-check found faults with (run first
 * every time, so they stay fixed).
 */
const MUTATIONS = () => ({
  designateTeachingSchool: {
    input: inputNear(
      { urn: OUTSTANDING, cohort: 3, designatedOn: '2018-01-01' },
      { urn, cohort: whole, designatedOn: date },
    ),
    payload: 'school { urn designation { status cohort designatedOn } }',
    found: [],
  },
  createAlliance: {
    input: inputNear(
      { name: 'Random Alliance', type: 'SINGLE', leadUrns: [TEACHING] },
      {
        name: text,
        type: enumOf('AllianceType'),
        leadUrns: fc.oneof(
          fc.constantFrom([TEACHING], [SMALL_TEACHING], [TEACHING, SMALL_TEACHING]),
          fc.array(urn, { maxLength: 120 }),
        ),
        deliveryAreaLeads: fc.array(input({ area: enumOf('DeliveryArea'), urn }), { maxLength: 4 }),
      },
    ),
    payload: 'alliance { id name type leads { urn } deliveryAreas { area accountableLead { urn } } }',
    found: [],
  },
  addAllianceMember: {
    input: inputNear(
      { allianceId, urn: GOOD, role: 'MEMBER', joinedOn: '2017-09-01' },
      { allianceId: fc.oneof(fc.constant(allianceId), text), urn, role: enumOf('MemberRole'), joinedOn: date },
    ),
    payload: 'alliance { members { totalCount } } membership { role joinedOn school { urn } }',
    // An id past DynamoDB's 2 KB partition key made the read fail.
    found: [{ allianceId: new LongText('long', 520), urn: GOOD, role: 'MEMBER', joinedOn: '2017-09-01' }],
  },
  openDesignationReview: {
    input: inputNear(
      { urn: TEACHING, trigger: 'PEER_REVIEW', openedOn: '2018-01-01', dueBy: '2030-01-01', notes: 'Peer review due' },
      { urn, trigger: enumOf('ReviewTrigger'), openedOn: date, dueBy: date, notes: text },
    ),
    payload: 'review { id status dueBy school { designation { status } } }',
    // Notes past DynamoDB's 400 KB item size made the write fail.
    found: [{ urn: TEACHING, trigger: 'PEER_REVIEW', dueBy: '2030-01-01', notes: new LongText('huge', 110_000) }],
  },
  recordOfstedInspection: {
    input: inputNear(
      { urn: TEACHING, rating: 'GOOD', inspectedOn: '2018-03-01' },
      { urn, rating: enumOf('OfstedRating'), inspectedOn: date },
    ),
    payload: 'school { ofstedRating lastInspectedOn designation { status } } review { id trigger }',
    found: [],
  },
});

describe('random input to mutations', () => {
  it.each([
    'designateTeachingSchool',
    'createAlliance',
    'addAllianceMember',
    'openDesignationReview',
    'recordOfstedInspection',
  ] as const)('%s never fails as a fault, and a refused change leaves the table as it was', async (name) => {
    const { input: inputs, payload, found } = MUTATIONS()[name];
    const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
    const mutation = `mutation ($input: ${type}!) { ${name}(input:
      $input) { ${payload} userErrors { field message code } } }`;

    await fc.assert(
      fc.asyncProperty(inputs, async (value) => {
        const before = await tableItems();

        const response = await graphql(mutation, { input: value });

        expectNoFault(response);
        const refused = response.errors !== undefined || response.data?.[name].userErrors.length > 0;
        if (refused) expect(await tableItems()).toEqual(before);
        else await restoreTable(before);
      }),
      { numRuns: RUNS, examples: found.map((value): [unknown] => [value]) },
    );
  });
});

describe('random arguments to queries', () => {
  const cursor = fc.oneof(
    text,
    fc.base64String({ maxLength: 60 }),
    fc.json().map((json) => Buffer.from(json).toString('base64url')),
  );
  const first = fc.oneof(fc.integer({ min: -5, max: 120 }), whole);
  const schoolFilter = input({
    localAuthority: text,
    region: enumOf('GorRegion'),
    phase: enumOf('Phase'),
    ofstedRating: enumOf('OfstedRating'),
    isTeachingSchool: maybeWrong(fc.boolean()),
  });
  /** Each query with random arguments; built in the test, once the fixture alliance has its id. */
  const queries = (): fc.Arbitrary<{ query: string; variables: Record<string, unknown> }>[] => [
    urn.map((value) => ({
      query: `query ($v: String!) { school(urn: $v) { urn name localAuthority
          { code } leadsAlliance { name } designation { status } } }`,
      variables: { v: value },
    })),
    fc.record({ filter: schoolFilter, first, after: cursor }, { requiredKeys: [] }).map((variables) => ({
      query: `query ($filter: SchoolFilter, $first: Int, $after: String) { schools(filter: $filter, first:
          $first, after: $after) { totalCount edges { node { urn } } pageInfo { hasNextPage endCursor } } }`,
      variables,
    })),
    fc.record({ code: text, first, after: cursor }).map((variables) => ({
      query: `query ($code: String!, $first: Int, $after: String) { localAuthority(code:
          $code) { name schools(first: $first, after: $after) { totalCount } } }`,
      variables,
    })),
    fc.record({ id: fc.oneof(fc.constant(allianceId), text), role: enumOf('MemberRole'), first }).map((variables) => ({
      query: `query ($id: ID!, $role: MemberRole, $first: Int) { alliance(id: $id)
          { name members(role: $role, first: $first) { totalCount } } }`,
      variables,
    })),
    fc
      .record({ status: enumOf('ReviewStatus'), dueBefore: date, localAuthority: text }, { requiredKeys: [] })
      .map((filter) => ({
        query: `query ($filter: DesignationReviewFilter) { designationReviews(filter:
            $filter) { totalCount edges { node { id } } } }`,
        variables: { filter },
      })),
    fc.record({ urn, allianceId: text }, { requiredKeys: [] }).map((variables) => ({
      query: 'query ($urn: String, $allianceId: ID) { auditTrail(urn: $urn, allianceId: $allianceId) { totalCount } }',
      variables,
    })),
  ];

  /** An alliance id past DynamoDB's 2 KB partition key made the read fail; run first every time, so it stays fixed. */
  const FOUND_QUERY = {
    query: 'query ($id: ID!) { alliance(id: $id) { name } }',
    variables: { id: new LongText('long', 520) },
  };

  it('never fail as a fault, whatever the URN, filter, page size or cursor', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(...queries()), async ({ query, variables }) => {
        const response = await graphql(query, variables);

        expectNoFault(response);
      }),
      { numRuns: RUNS * 3, examples: [[FOUND_QUERY]] },
    );
  });
});
