import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphqlHandler } from '../../src/entry/graphql-handler.js';
import { startLocalServer } from '../../src/entry/local-server.js';
import { localIdentity, signDevToken, type DevTokenRequest } from '../../src/entry/local-identity.js';
import { createGraphqlServer } from '../../src/graphql/server.js';
import { graphqlClient } from '../support/graphql.js';
import { emptyStore, shippedStore } from '../support/store.js';
import { seedSchools } from '../support/teaching-schools.js';

const key = randomBytes(32);
const bearer = async (request: DevTokenRequest) => ({ authorization: `Bearer ${await signDevToken(key, request)}` });

describe('forged cursors', () => {
  const forge = (cursor: string, slot: number, value: unknown) => {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    decoded[slot] = value;
    return Buffer.from(JSON.stringify(decoded), 'utf8').toString('base64url');
  };

  it.each([
    ['a number in a key slot', 42],
    ['an empty string in a key slot', ''],
    ['a key longer than DynamoDB allows', 'x'.repeat(2000)],
  ])('answer BAD_USER_INPUT on after for %s, and never reach DynamoDB', async (_what, value) => {
    const { store, requests } = shippedStore();
    const graphql = graphqlClient(store);
    const first = await graphql('{ schools(first: 1) { pageInfo { endCursor } } }');
    const cursor = first.data?.schools.pageInfo.endCursor as string;
    requests.reset();

    const forged = await Promise.all(
      [2, 3, 4].map((slot) =>
        graphql('query ($after: String) { schools(first: 1, after: $after) { edges { cursor } } }', {
          after: forge(cursor, slot, value),
        }),
      ),
    );

    for (const response of forged) {
      expect(response.errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }),
      ]);
    }
    expect(requests.total).toBe(0);
  });
});

describe('what partners read of a review', () => {
  it('refuses openedBy and decidedBy to partners, as it refuses the audit trail, and shows them to staff', async () => {
    const { store } = await emptyStore();
    await seedSchools(store, [{ urn: '900001' }]);
    const graphql = graphqlClient(store, { identify: localIdentity(key) });
    await graphql(
      `mutation { openDesignationReview(input: { urn: "900001", trigger:
        PEER_REVIEW, dueBy: "2030-01-01" }) { userErrors { code } } }`,
      {},
      await bearer({ role: 'dfe-staff', subject: 'opener@education.gov.uk' }),
    );
    const query = '{ designationReviews { edges { node { trigger openedBy decidedBy } } } }';

    const staff = await graphql(query, {}, await bearer({ role: 'tsc-staff', regions: ['LONDON'] }));
    const partner = await graphql(query, {}, await bearer({ role: 'partner' }));

    expect(staff.data?.designationReviews.edges).toEqual([
      { node: { trigger: 'PEER_REVIEW', openedBy: 'opener@education.gov.uk', decidedBy: null } },
    ]);
    expect(partner.data?.designationReviews.edges).toEqual([
      { node: { trigger: 'PEER_REVIEW', openedBy: null, decidedBy: null } },
    ]);
    expect(partner.errors?.map((error) => [error.path?.at(-1), error.extensions?.code])).toEqual([
      ['openedBy', 'FORBIDDEN'],
      ['decidedBy', 'FORBIDDEN'],
    ]);
  });
});

describe('an inspection recorded again', () => {
  it('changes nothing and answers the existing record, even sent 30 times at once', async () => {
    const { store } = await emptyStore();
    await seedSchools(store, [{ urn: '900001' }]);
    const graphql = graphqlClient(store);
    const record = `mutation { recordOfstedInspection(input: {
      urn: "900001", rating: GOOD, inspectedOn: "2024-03-01" }) {
        school { ofstedRating lastInspectedOn designation { status } } review { trigger } userErrors { code } } }`;

    const counts = '{ auditTrail(urn: "900001") { totalCount } designationReviews { totalCount } }';
    const before = await graphql(counts);

    const answers = await Promise.all(Array.from({ length: 30 }, () => graphql(record)));
    const trail = await graphql(counts);

    for (const answer of answers) {
      expect(answer.data?.recordOfstedInspection).toEqual({
        school: { ofstedRating: 'GOOD', lastInspectedOn: '2024-03-01', designation: { status: 'UNDER_REVIEW' } },
        review: { trigger: 'OFSTED_BELOW_OUTSTANDING' },
        userErrors: [],
      });
    }
    expect(trail.data).toEqual({
      auditTrail: { totalCount: before.data?.auditTrail.totalCount + 1 },
      designationReviews: { totalCount: 1 },
    });
  });
});

describe('over HTTP', () => {
  let url: string;
  let close: () => void;

  beforeAll(async () => {
    const handler = createGraphqlHandler({
      server: createGraphqlServer({}),
      store: shippedStore().store,
      identify: localIdentity(key),
    });
    const server = await startLocalServer({ handler, port: 0 });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    close = () => server.close();
  });

  afterAll(() => close());

  const post = async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };
  const QUERY = JSON.stringify({ query: '{ region(code: LONDON) { name } }' });

  const withoutExp = () =>
    new SignJWT({ 'cognito:groups': ['dfe-staff'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('teaching-school-registry-local')
      .setAudience('teaching-school-registry')
      .setIssuedAt()
      .sign(key);

  it.each([
    ['no token', async () => ({})],
    ['a token with no exp', async () => ({ authorization: `Bearer ${await withoutExp()}` })],
    ['a token that lives 25 hours', () => bearer({ role: 'dfe-staff', expiresIn: '25h' })],
  ])('answers %s with a JSON 401 that carries the request id and WWW-Authenticate: Bearer', async (_what, headers) => {
    const response = await post(QUERY, await headers());

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(response.body).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) } }],
    });
  });

  it('answers a token that lives 24 hours', async () => {
    const response = await post(QUERY, await bearer({ role: 'partner', expiresIn: '24h' }));

    expect(response.body).toMatchObject({ data: { region: { name: 'London' } } });
  });

  it('answers a body that is not JSON with a JSON 400 and a code', async () => {
    const response = await post('{"query": "{ region(code: LONDON) { name } }"', await bearer({ role: 'partner' }));

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body).toEqual({
      errors: [
        {
          message: expect.stringContaining('not JSON'),
          extensions: { code: 'BAD_REQUEST', requestId: expect.any(String) },
        },
      ],
    });
  });

  it('answers a subscription with a JSON 400 that says only queries and mutations are served', async () => {
    const response = await post(
      JSON.stringify({ query: 'subscription { region(code: LONDON) { name } }' }),
      await bearer({ role: 'partner' }),
    );

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        message: expect.stringContaining('Subscriptions are not supported'),
        extensions: { code: 'OPERATION_NOT_SUPPORTED', requestId: expect.any(String) },
      },
    ]);
  });
});

describe('dates that cannot be true', () => {
  it('refuse a withdrawal before the designation or in 1899, and joining in 2099, changing nothing', async () => {
    const { store } = await emptyStore();
    await seedSchools(store, [
      { urn: '900001', teaching: false },
      { urn: '900002' },
      { urn: '900003', rating: 'Good', teaching: false },
    ]);
    const graphql = graphqlClient(store);
    await graphql(
      `mutation { designateTeachingSchool(input: { urn: "900001",
        designatedOn: "2015-09-01" }) { userErrors { code } } }`,
    );
    const alliance = await graphql(
      `mutation { createAlliance(input: { name: "Dates Alliance",
        type: SINGLE, leadUrns: ["900002"] }) { alliance { id } } }`,
    );
    const allianceId = alliance.data?.createAlliance.alliance.id as string;
    const withdraw = `mutation ($on: Date) { withdrawDesignation(input: { urn:
        "900001", withdrawnOn: $on }) { userErrors { field code } } }`;
    const join = `mutation ($id: ID!) { addAllianceMember(input: { allianceId: $id, urn: "900003",
        role: MEMBER, joinedOn: "2099-01-01" }) { userErrors { field code } } }`;

    const beforeStart = await graphql(withdraw, { on: '2014-01-01' });
    const in1899 = await graphql(
      `mutation { withdrawDesignation(input: { urn: "900002",
        withdrawnOn: "1899-01-01" }) { userErrors { field code } } }`,
    );
    const joined = await graphql(join, { id: allianceId });
    const after = await graphql(
      `{ a: school(urn: "900001") { designation { status } } b: school(urn: "900002") {
        designation { status } } alliance(id: "${allianceId}") { members { totalCount } } }`,
    );

    expect(beforeStart.data?.withdrawDesignation.userErrors).toEqual([
      { field: ['withdrawnOn'], code: 'DATE_BEFORE_START' },
    ]);
    expect(in1899.data?.withdrawDesignation.userErrors).toEqual([
      { field: ['withdrawnOn'], code: 'DATE_BEFORE_START' },
    ]);
    expect(joined.data?.addAllianceMember.userErrors).toEqual([{ field: ['joinedOn'], code: 'DATE_IN_FUTURE' }]);
    expect(after.data).toEqual({
      a: { designation: { status: 'DESIGNATED' } },
      b: { designation: { status: 'DESIGNATED' } },
      alliance: { members: { totalCount: 0 } },
    });
  });

  it('refuse a designation dated before the programme began in 2011', async () => {
    const { store } = await emptyStore();
    await seedSchools(store, [{ urn: '900001', teaching: false }]);

    const response = await graphqlClient(store)(
      `mutation { designateTeachingSchool(input: { urn: "900001", designatedOn:
        "2009-05-01" }) { school { urn } userErrors { field code } } }`,
    );

    expect(response.data?.designateTeachingSchool).toEqual({
      school: null,
      userErrors: [{ field: ['designatedOn'], code: 'DATE_BEFORE_START' }],
    });
  });
});

describe('names and notes that deceive', () => {
  it.each([
    ['NUL', 'Camden\u0000 Primary Partnership'],
    ['a lone surrogate', 'Camden \uD800Primary Partnership'],
    ['a bidirectional override', 'Camden \u202Epihsrentrap'],
    ['only zero-width characters', '\u200B\u200C\u2060'],
  ])('refuse an alliance name with %s, naming the field', async (_what, name) => {
    const { store } = await emptyStore();
    await seedSchools(store, [{ urn: '900001' }]);

    const response = await graphqlClient(store)(
      `mutation ($name: String!) { createAlliance(input: { name: $name, type: SINGLE,
        leadUrns: ["900001"] }) { alliance { id } userErrors { field code } } }`,
      { name },
    );

    expect(response.data?.createAlliance).toEqual({
      alliance: null,
      userErrors: [{ field: ['name'], code: 'INVALID_VALUE' }],
    });
  });

  it("refuses a rename to another alliance's name with a zero-width space or other case in it", async () => {
    const { store } = await emptyStore();
    await seedSchools(store, [{ urn: '900001' }, { urn: '900002' }]);
    const graphql = graphqlClient(store);
    await graphql(
      `mutation { createAlliance(input: { name: "Camden Primary Partnership",
        type: SINGLE, leadUrns: ["900001"] }) { alliance { id } } }`,
    );
    const other = await graphql(
      `mutation { createAlliance(input: { name: "Other Alliance",
        type: SINGLE, leadUrns: ["900002"] }) { alliance { id } } }`,
    );
    const rename = `mutation ($id: ID!, $name: String!) { renameAlliance(input: { allianceId:
        $id, name: $name }) { alliance { name } userErrors { code } } }`;

    const lookalikes = await Promise.all(
      ['Camden Primary Partnership\u200B', 'camden primary\u00AD partnership'].map((name) =>
        graphql(rename, { id: other.data?.createAlliance.alliance.id, name }),
      ),
    );

    for (const response of lookalikes)
      expect(response.data?.renameAlliance).toEqual({ alliance: null, userErrors: [{ code: 'ALLIANCE_NAME_TAKEN' }] });
  });

  it('stores review notes NFC-normalised and refuses notes with a control character', async () => {
    const { store } = await emptyStore();
    await seedSchools(store, [{ urn: '900001' }, { urn: '900002' }]);
    const graphql = graphqlClient(store);
    const open = `mutation ($urn: String!, $notes: String) { openDesignationReview(input: { urn: $urn, trigger:
        PEER_REVIEW, dueBy: "2030-01-01", notes: $notes }) { review { notes } userErrors { field code } } }`;

    const normalised = await graphql(open, { urn: '900001', notes: 'Cafe\u0301 meeting.\nFollow up.' });
    const refused = await graphql(open, { urn: '900002', notes: 'Hidden\u0007bell' });

    expect(normalised.data?.openDesignationReview).toEqual({
      review: { notes: 'Café meeting.\nFollow up.' },
      userErrors: [],
    });
    expect(refused.data?.openDesignationReview).toEqual({
      review: null,
      userErrors: [{ field: ['notes'], code: 'INVALID_VALUE' }],
    });
  });
});
