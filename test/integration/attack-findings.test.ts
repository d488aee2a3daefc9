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

    const forged = await Promise.all([2, 3, 4].map((slot) => graphql('query ($after: String) { schools(first: 1, after: $after) { edges { cursor } } }', { after: forge(cursor, slot, value) })));

    for (const response of forged) {
      expect(response.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) })]);
    }
    expect(requests.total).toBe(0);
  });
});

describe('what partners read of a review', () => {
  it('refuses openedBy and decidedBy to partners, as it refuses the audit trail, and shows them to staff', async () => {
    const { store } = await emptyStore();
    await seedSchools(store, [{ urn: '900001' }]);
    const graphql = graphqlClient(store, { identify: localIdentity(key) });
    await graphql('mutation { openDesignationReview(input: { urn: "900001", trigger: PEER_REVIEW, dueBy: "2030-01-01" }) { userErrors { code } } }', {}, await bearer({ role: 'dfe-staff', subject: 'opener@education.gov.uk' }));
    const query = '{ designationReviews { edges { node { trigger openedBy decidedBy } } } }';

    const staff = await graphql(query, {}, await bearer({ role: 'tsc-staff', regions: ['LONDON'] }));
    const partner = await graphql(query, {}, await bearer({ role: 'partner' }));

    expect(staff.data?.designationReviews.edges).toEqual([{ node: { trigger: 'PEER_REVIEW', openedBy: 'opener@education.gov.uk', decidedBy: null } }]);
    expect(partner.data?.designationReviews.edges).toEqual([{ node: { trigger: 'PEER_REVIEW', openedBy: null, decidedBy: null } }]);
    expect(partner.errors?.map((error) => [error.path?.at(-1), error.extensions?.code])).toEqual([['openedBy', 'FORBIDDEN'], ['decidedBy', 'FORBIDDEN']]);
  });
});

describe('an inspection recorded again', () => {
  it('changes nothing and answers the existing record, even sent 30 times at once', async () => {
    const { store } = await emptyStore();
    await seedSchools(store, [{ urn: '900001' }]);
    const graphql = graphqlClient(store);
    const record = 'mutation { recordOfstedInspection(input: { urn: "900001", rating: GOOD, inspectedOn: "2024-03-01" }) { school { ofstedRating lastInspectedOn designation { status } } review { trigger } userErrors { code } } }';

    const answers = await Promise.all(Array.from({ length: 30 }, () => graphql(record)));
    const trail = await graphql('{ auditTrail(urn: "900001") { totalCount } designationReviews { totalCount } }');

    for (const answer of answers) {
      expect(answer.data?.recordOfstedInspection).toEqual({
        school: { ofstedRating: 'GOOD', lastInspectedOn: '2024-03-01', designation: { status: 'UNDER_REVIEW' } },
        review: { trigger: 'OFSTED_BELOW_OUTSTANDING' },
        userErrors: [],
      });
    }
    expect(trail.data).toEqual({ auditTrail: { totalCount: 1 }, designationReviews: { totalCount: 1 } });
  });
});

describe('over HTTP', () => {
  let url: string;
  let close: () => void;

  beforeAll(async () => {
    const handler = createGraphqlHandler({ server: createGraphqlServer({}), store: shippedStore().store, identify: localIdentity(key) });
    const server = await startLocalServer({ handler, port: 0 });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    close = () => server.close();
  });

  afterAll(() => close());

  const post = async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
  const QUERY = JSON.stringify({ query: '{ region(code: LONDON) { name } }' });

  const withoutExp = () =>
    new SignJWT({ 'cognito:groups': ['dfe-staff'] }).setProtectedHeader({ alg: 'HS256' }).setIssuer('teaching-school-registry-local').setAudience('teaching-school-registry').setIssuedAt().sign(key);

  it.each([
    ['no token', async () => ({})],
    ['a token with no exp', async () => ({ authorization: `Bearer ${await withoutExp()}` })],
    ['a token that lives 25 hours', () => bearer({ role: 'dfe-staff', expiresIn: '25h' })],
  ])('answers %s with a JSON 401 that carries the request id and WWW-Authenticate: Bearer', async (_what, headers) => {
    const response = await post(QUERY, await headers());

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(response.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) } }] });
  });

  it('answers a token that lives 24 hours', async () => {
    const response = await post(QUERY, await bearer({ role: 'partner', expiresIn: '24h' }));

    expect(response.body).toMatchObject({ data: { region: { name: 'London' } } });
  });

  it('answers a body that is not JSON with a JSON 400 and a code', async () => {
    const response = await post('{"query": "{ region(code: LONDON) { name } }"', await bearer({ role: 'partner' }));

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body).toEqual({ errors: [{ message: expect.stringContaining('not JSON'), extensions: { code: 'BAD_REQUEST', requestId: expect.any(String) } }] });
  });

  it('answers a subscription with a JSON 400 that says only queries and mutations are served', async () => {
    const response = await post(JSON.stringify({ query: 'subscription { region(code: LONDON) { name } }' }), await bearer({ role: 'partner' }));

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ message: expect.stringContaining('Subscriptions are not supported'), extensions: { code: 'OPERATION_NOT_SUPPORTED', requestId: expect.any(String) } }]);
  });
});
