import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { localIdentity, signDevToken, type DevTokenRequest } from '../../src/entry/local-identity.js';
import { getAllianceForChange } from '../../src/store/alliances.js';
import { getCurrentMembership } from '../../src/store/memberships.js';
import { getSchoolsByUrn } from '../../src/store/schools.js';
import type { Store } from '../../src/store/store.js';
import { graphqlClient } from '../support/graphql.js';
import { emptyStore } from '../support/store.js';
import { seedSchools } from '../support/teaching-schools.js';

const LANCASHIRE = {
  'LA (code)': '888',
  'LA (name)': 'Lancashire',
  'GOR (name)': 'North West',
  'RSCRegion (name)': 'Lancashire & West Yorkshire',
};
const CUMBRIA = { 'LA (code)': '909', 'LA (name)': 'Cumbria', 'GOR (name)': 'North West', 'RSCRegion (name)': 'North' };

const NW_LEAD = '910001';
const NW_TEACHING = '910002';
const NW_PARTNER = '910003';
const CUMBRIA_SCHOOL = '910004';
const LONDON_LEAD = '910005';
const LONDON_PARTNER = '910006';

const DFE: DevTokenRequest = { role: 'dfe-staff' };
const NORTH_WEST: DevTokenRequest = { role: 'tsc-staff', regions: ['North West'] };
const LONDON: DevTokenRequest = { role: 'tsc-staff', regions: ['London'] };
const NO_REGION: DevTokenRequest = { role: 'tsc-staff' };

const key = randomBytes(32);
let store: Store;
let graphql: ReturnType<typeof graphqlClient>;
let allianceId: string;

async function as(request: DevTokenRequest, query: string, variables?: Record<string, unknown>) {
  return graphql(query, variables, { authorization: `Bearer ${await signDevToken(key, request)}` });
}

/** Sends one mutation (`name(input: $input)`), answering its payload's userErrors or the top-level error code. */
async function change(request: DevTokenRequest, name: string, input: Record<string, unknown>) {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const response = await as(request, `mutation ($input: ${type}!) { ${name}(input: $input) { userErrors { code } } }`, {
    input,
  });
  return response.errors?.[0]?.extensions?.code ?? response.data?.[name].userErrors[0]?.code ?? 'DONE';
}

/** Everything an attempt on the alliance could have changed. */
async function stored() {
  const alliance = await getAllianceForChange(store, allianceId);
  const schools = await getSchoolsByUrn(store, [LONDON_LEAD, NW_TEACHING]);
  return {
    name: alliance?.name,
    leads: alliance?.leads,
    networkId: alliance?.networkId,
    deliverers: alliance?.deliverers,
    memberCounts: alliance?.memberCounts,
    leadsAllianceIds: schools.map((school) => school?.leadsAllianceId),
  };
}

beforeEach(async () => {
  ({ store } = await emptyStore());
  graphql = graphqlClient(store, { identify: localIdentity(key) });
  await seedSchools(store, [
    { urn: NW_LEAD, cells: LANCASHIRE },
    { urn: NW_TEACHING, cells: LANCASHIRE },
    { urn: NW_PARTNER, cells: LANCASHIRE, teaching: false },
    { urn: CUMBRIA_SCHOOL, cells: CUMBRIA, teaching: false },
    { urn: LONDON_LEAD },
    { urn: LONDON_PARTNER, teaching: false },
  ]);
  const created = await as(
    DFE,
    'mutation { createAlliance(input: { name: "Red Rose", type: SINGLE, leadUrns: ["910001"] }) { alliance { id } } }',
  );
  allianceId = created.data?.createAlliance.alliance.id;
});

describe('the region rule for an alliance whose only lead withdrew', () => {
  beforeEach(async () => {
    expect(await change(DFE, 'withdrawDesignation', { urn: NW_LEAD })).toBe('DONE');
  });

  it.each([
    ['London staff', LONDON],
    ['a tsc-staff token with no regions', NO_REGION],
  ])('refuses %s any change to it: rename, network, members, deliverers, take-over', async (_who, caller) => {
    const before = await stored();

    const answers = [
      await change(caller, 'renameAlliance', { allianceId, name: 'Taken' }),
      await change(caller, 'joinNetwork', { allianceId, networkName: 'Elsewhere Network' }),
      await change(caller, 'addAllianceMember', { allianceId, urn: LONDON_PARTNER, role: 'MEMBER' }),
      await change(caller, 'addAllianceDeliverer', { allianceId, name: 'Some University', kind: 'UNIVERSITY' }),
      await change(caller, 'addAllianceLead', { allianceId, urn: LONDON_LEAD }),
    ];

    expect(answers).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(await stored()).toEqual(before);
  });

  it("lets staff of its last lead's region rename it and give it a new lead there", async () => {
    const renamed = await change(NORTH_WEST, 'renameAlliance', { allianceId, name: 'Red Rose Partnership' });
    const led = await change(NORTH_WEST, 'addAllianceLead', { allianceId, urn: NW_TEACHING });

    expect([renamed, led]).toEqual(['DONE', 'DONE']);
    expect(await stored()).toMatchObject({ name: 'Red Rose Partnership', leads: [NW_TEACHING] });
  });
});

describe('the region rule for the schools a change writes', () => {
  it('refuses North West staff a London member for a North West alliance; a North West one joins', async () => {
    const london = await change(NORTH_WEST, 'addAllianceMember', { allianceId, urn: LONDON_PARTNER, role: 'MEMBER' });
    const northWest = await change(NORTH_WEST, 'addAllianceMember', { allianceId, urn: NW_PARTNER, role: 'MEMBER' });

    expect([london, northWest]).toEqual(['FORBIDDEN', 'DONE']);
    expect(await getCurrentMembership(store, allianceId, LONDON_PARTNER)).toBeUndefined();
    expect(await getCurrentMembership(store, allianceId, NW_PARTNER)).toMatchObject({ role: 'MEMBER' });
  });

  it('refuses a tsc-staff token with no regions a change to any school', async () => {
    expect(await change(NO_REGION, 'designateTeachingSchool', { urn: CUMBRIA_SCHOOL })).toBe('FORBIDDEN');
  });

  it('reads RSC regions from the token: North staff change a Cumbria school, not a Lancashire one', async () => {
    const north: DevTokenRequest = { role: 'tsc-staff', regions: ['North'] };

    const cumbria = await change(north, 'designateTeachingSchool', { urn: CUMBRIA_SCHOOL });
    const lancashire = await change(north, 'addAllianceMember', { allianceId, urn: NW_PARTNER, role: 'MEMBER' });
    const byGor = await change(NORTH_WEST, 'addAllianceMember', { allianceId, urn: NW_PARTNER, role: 'MEMBER' });

    expect([cumbria, lancashire, byGor]).toEqual(['DONE', 'FORBIDDEN', 'DONE']);
  });

  it('reads an RSC region that holds schools of two GOR regions: its staff change Lancashire schools', async () => {
    const rsc: DevTokenRequest = { role: 'tsc-staff', regions: ['Lancashire & West Yorkshire'] };

    const lancashire = await change(rsc, 'addAllianceMember', { allianceId, urn: NW_PARTNER, role: 'MEMBER' });
    const cumbria = await change(rsc, 'designateTeachingSchool', { urn: CUMBRIA_SCHOOL });

    expect([lancashire, cumbria]).toEqual(['DONE', 'FORBIDDEN']);
  });
});
