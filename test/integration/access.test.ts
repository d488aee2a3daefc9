import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { localIdentity, signDevToken, type DevTokenRequest } from '../../src/entry/local-identity.js';
import { importEstablishments } from '../../src/import/importer.js';
import { getSchoolsByUrn } from '../../src/store/schools.js';
import type { Store } from '../../src/store/store.js';
import { GIAS_HEADER, giasRow, writeCsv } from '../support/fixtures.js';
import { graphqlClient } from '../support/graphql.js';
import { emptyStore } from '../support/store.js';

const LONDON_SCHOOL = '900001';
const NORTH_EAST_SCHOOL = '900002';
const DESIGNATE = `mutation ($urn: String!) { designateTeachingSchool(input: { urn: $urn
    }) { school { designation { status } } userErrors { code } } }`;

const key = randomBytes(32);
let store: Store;
let graphql: ReturnType<typeof graphqlClient>;

beforeEach(async () => {
  ({ store } = await emptyStore());
  graphql = graphqlClient(store, { identify: localIdentity(key) });
  await importEstablishments(
    store,
    writeCsv(GIAS_HEADER, [
      giasRow({ URN: LONDON_SCHOOL }),
      giasRow({
        URN: NORTH_EAST_SCHOOL,
        'LA (code)': '390',
        'LA (name)': 'Gateshead',
        'GOR (name)': 'North East',
        'RSCRegion (name)': 'North',
      }),
    ]),
  );
});

async function as(request: DevTokenRequest, query: string, variables?: Record<string, unknown>) {
  return graphql(query, variables, { authorization: `Bearer ${await signDevToken(key, request)}` });
}

async function designated(urn: string): Promise<boolean> {
  const [school] = await getSchoolsByUrn(store, [urn]);
  return school?.designation !== null;
}

describe('who may do what', () => {
  it('answers 401 to a request without a token, and runs nothing', async () => {
    const response = await graphql(DESIGNATE, { urn: LONDON_SCHOOL });

    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await designated(LONDON_SCHOOL)).toBe(false);
  });

  it.each([
    ['garbage', () => Promise.resolve('not-a-jwt')],
    ['a token signed with another key', () => signDevToken(randomBytes(32), { role: 'dfe-staff' })],
    ['an expired token', () => signDevToken(key, { role: 'dfe-staff', expiresIn: '-1m' })],
  ])('answers 401 to %s', async (_what, token) => {
    const response = await graphql('{ school(urn: "900001") { name } }', undefined, {
      authorization: `Bearer ${await token()}`,
    });

    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
  });

  it('lets a partner read but not change anything', async () => {
    const read = await as({ role: 'partner' }, '{ school(urn: "900001") { name } }');
    const designate = await as({ role: 'partner' }, DESIGNATE, { urn: LONDON_SCHOOL });
    const create = await as(
      { role: 'partner' },
      'mutation { createAlliance(input: { name: "X", type: SINGLE, leadUrns: ["900001"] }) { userErrors { code } } }',
    );

    expect(read.data?.school.name).toBe('Test Primary School');
    expect(designate.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(create.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await designated(LONDON_SCHOOL)).toBe(false);
  });

  it('lets TSC staff for London designate in London but not in the North East', async () => {
    const northEast = await as({ role: 'tsc-staff', regions: ['LONDON'] }, DESIGNATE, { urn: NORTH_EAST_SCHOOL });
    const london = await as({ role: 'tsc-staff', regions: ['LONDON'] }, DESIGNATE, { urn: LONDON_SCHOOL });

    expect(northEast.errors?.[0]).toMatchObject({
      message: expect.stringContaining('not North East'),
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await designated(NORTH_EAST_SCHOOL)).toBe(false);
    expect(london.data?.designateTeachingSchool).toEqual({
      school: { designation: { status: 'DESIGNATED' } },
      userErrors: [],
    });
  });

  it('lets DfE staff designate anywhere', async () => {
    const response = await as({ role: 'dfe-staff' }, DESIGNATE, { urn: NORTH_EAST_SCHOOL });

    expect(response.data?.designateTeachingSchool.userErrors).toEqual([]);
    expect(await designated(NORTH_EAST_SCHOOL)).toBe(true);
  });

  it('shows review notes and the audit trail to staff but never to partners', async () => {
    await as({ role: 'dfe-staff' }, DESIGNATE, { urn: LONDON_SCHOOL });
    await as(
      { role: 'dfe-staff' },
      `mutation { openDesignationReview(input: { urn: "900001", trigger: PEER_REVIEW,
        dueBy: "2030-01-01", notes: "Head teacher leaving" }) { userErrors { code } } }`,
    );
    const query = '{ designationReviews { edges { node { trigger notes } } } }';

    const staff = await as({ role: 'tsc-staff', regions: ['NORTH_EAST'] }, query);
    const partner = await as({ role: 'partner' }, query);
    const partnerAudit = await as({ role: 'partner' }, '{ auditTrail(urn: "900001") { totalCount } }');

    expect(staff.data?.designationReviews.edges).toEqual([
      { node: { trigger: 'PEER_REVIEW', notes: 'Head teacher leaving' } },
    ]);
    expect(partner.data?.designationReviews.edges[0].node.notes ?? null).toBeNull();
    expect(partner.errors?.[0]).toMatchObject({
      path: ['designationReviews', 'edges', 0, 'node', 'notes'],
      extensions: { code: 'FORBIDDEN' },
    });
    expect(JSON.stringify(partner)).not.toContain('Head teacher leaving');
    expect(partnerAudit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
