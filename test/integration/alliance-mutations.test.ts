import { beforeEach, describe, expect, it } from 'vitest';
import { getAllianceForChange } from '../../src/store/alliances.js';
import { getSchoolsByUrn } from '../../src/store/schools.js';
import type { RequestCounter } from '../../src/store/request-counter.js';
import type { Store } from '../../src/store/store.js';
import { graphqlClient } from '../support/graphql.js';
import { emptyStore } from '../support/store.js';
import { seedSchools } from '../support/teaching-schools.js';

const SMALL_A = '900001';
const SMALL_B = '900002';
const LARGE_A = '900003';
const LARGE_B = '900004';
const SPECIAL = '900005';
const NOT_TEACHING = '900006';
const PARTNER = '900007';
const LARGE_C = '900008';

let store: Store;
let requests: RequestCounter;
let graphql: ReturnType<typeof graphqlClient>;

beforeEach(async () => {
  ({ store, requests } = await emptyStore());
  graphql = graphqlClient(store);
  await seedSchools(store, [
    { urn: SMALL_A, pupils: 150 },
    { urn: SMALL_B, pupils: 90 },
    { urn: LARGE_A, pupils: 900 },
    { urn: LARGE_B, pupils: 1200 },
    { urn: SPECIAL, pupils: 300, type: 'Community special school' },
    { urn: NOT_TEACHING, teaching: false },
    { urn: PARTNER, rating: 'Good', teaching: false },
    { urn: LARGE_C, pupils: 700 },
  ]);
});

const ALLIANCE_FIELDS = 'id name type leads { urn } deliveryAreas { area accountableLead { urn } } needsRestructuring';

async function create(input: Record<string, unknown>) {
  const response = await graphql(
    `mutation ($input: CreateAllianceInput!) { createAlliance(input: $input) {
      alliance { ${ALLIANCE_FIELDS} } userErrors { field message code } } }`,
    { input },
  );
  return response.data?.createAlliance;
}

async function mutate(name: string, input: Record<string, unknown>, extra = '') {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const response = await graphql(
    `mutation ($input: ${type}!) { ${name}(input: $input) { alliance {
      ${ALLIANCE_FIELDS} } ${extra} userErrors { field message code } } }`,
    { input },
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data?.[name];
}

/** What is stored about an alliance and the schools involved, to show a refused change changed nothing. */
async function snapshot(allianceId: string | null) {
  const schools = await getSchoolsByUrn(store, [
    SMALL_A,
    SMALL_B,
    LARGE_A,
    LARGE_B,
    SPECIAL,
    NOT_TEACHING,
    PARTNER,
    LARGE_C,
  ]);
  return { alliance: allianceId ? await getAllianceForChange(store, allianceId) : null, schools };
}

const allAreas = (urn: string) =>
  ['INITIAL_TEACHER_TRAINING', 'PROFESSIONAL_AND_LEADERSHIP_DEVELOPMENT', 'SCHOOL_TO_SCHOOL_SUPPORT'].map((area) => ({
    area,
    urn,
  }));

describe('creating alliances', () => {
  it('creates a SINGLE alliance whose lead answers for every delivery area and knows what it leads', async () => {
    const payload = await create({ name: 'Thames Alliance', type: 'SINGLE', leadUrns: [LARGE_A] });

    expect(payload.userErrors).toEqual([]);
    expect(payload.alliance).toMatchObject({
      name: 'Thames Alliance',
      type: 'SINGLE',
      leads: [{ urn: LARGE_A }],
      needsRestructuring: false,
    });
    expect(payload.alliance.deliveryAreas.every((area: any) => area.accountableLead.urn === LARGE_A)).toBe(true);
    const school = await graphql(`{ school(urn: "${LARGE_A}") { leadsAlliance { name } } }`);
    expect(school.data?.school.leadsAlliance).toEqual({ name: 'Thames Alliance' });
  });

  it('creates a JOB_SHARE alliance of a small and a special school', async () => {
    const payload = await create({
      name: 'Shared',
      type: 'JOB_SHARE',
      leadUrns: [SMALL_A, SPECIAL],
      deliveryAreaLeads: allAreas(SMALL_A),
    });

    expect(payload.userErrors).toEqual([]);
    expect(payload.alliance.type).toBe('JOB_SHARE');
  });

  it.each([
    [
      'a SINGLE alliance with two leads',
      { type: 'SINGLE', leadUrns: [LARGE_A, LARGE_B] },
      'LEAD_COUNT_DOES_NOT_FIT_TYPE',
      ['leads'],
    ],
    [
      'a MULTIPLE alliance with one lead',
      { type: 'MULTIPLE', leadUrns: [LARGE_A] },
      'LEAD_COUNT_DOES_NOT_FIT_TYPE',
      ['leads'],
    ],
    [
      'a JOB_SHARE alliance with three leads',
      { type: 'JOB_SHARE', leadUrns: [SMALL_A, SMALL_B, SPECIAL], deliveryAreaLeads: allAreas(SMALL_A) },
      'LEAD_COUNT_DOES_NOT_FIT_TYPE',
      ['leads'],
    ],
    [
      'a JOB_SHARE alliance with a large lead',
      { type: 'JOB_SHARE', leadUrns: [SMALL_A, LARGE_A], deliveryAreaLeads: allAreas(SMALL_A) },
      'JOB_SHARE_LEAD_NOT_SMALL_OR_SPECIAL',
      ['leads'],
    ],
    [
      'a lead that is not a teaching school',
      { type: 'SINGLE', leadUrns: [NOT_TEACHING] },
      'NOT_A_TEACHING_SCHOOL',
      ['leads'],
    ],
    [
      'the same lead twice',
      { type: 'MULTIPLE', leadUrns: [LARGE_A, LARGE_A], deliveryAreaLeads: allAreas(LARGE_A) },
      'DUPLICATE_LEAD',
      ['leads'],
    ],
    ['a lead nobody has', { type: 'SINGLE', leadUrns: ['999999'] }, 'SCHOOL_NOT_FOUND', ['leadUrns']],
    [
      'a MULTIPLE alliance with no accountable leads',
      { type: 'MULTIPLE', leadUrns: [LARGE_A, LARGE_B] },
      'DELIVERY_AREA_UNASSIGNED',
      ['deliveryAreaLeads'],
    ],
    [
      'an accountable lead who is not a lead',
      { type: 'MULTIPLE', leadUrns: [LARGE_A, LARGE_B], deliveryAreaLeads: allAreas(LARGE_C) },
      'NOT_A_LEAD',
      ['deliveryAreaLeads'],
    ],
    ['a blank name', { name: '   ', type: 'SINGLE', leadUrns: [LARGE_A] }, 'INVALID_VALUE', ['name']],
  ])('refuses %s and stores nothing', async (_what, input, code, field) => {
    const before = await snapshot(null);

    const payload = await create({ name: 'Refused Alliance', ...input });

    expect(payload).toEqual({ alliance: null, userErrors: [{ field, code, message: expect.any(String) }] });
    expect(await snapshot(null)).toEqual(before);
    expect((await graphql('{ alliances { totalCount } }')).data?.alliances.totalCount).toBe(0);
  });

  it('refuses a lead that already leads another alliance, and a name already taken', async () => {
    await create({ name: 'First', type: 'SINGLE', leadUrns: [LARGE_A] });

    const secondLead = await create({ name: 'Second', type: 'SINGLE', leadUrns: [LARGE_A] });
    const sameName = await create({ name: ' first ', type: 'SINGLE', leadUrns: [LARGE_B] });

    expect(secondLead.userErrors[0].code).toBe('ALREADY_LEADS_AN_ALLIANCE');
    expect(sameName.userErrors[0]).toMatchObject({ code: 'ALLIANCE_NAME_TAKEN', field: ['name'] });
  });

  it('creates one alliance when ten callers race to claim the same lead', async () => {
    const payloads = await Promise.all(
      Array.from({ length: 10 }, (_, n) => create({ name: `Racer ${n}`, type: 'SINGLE', leadUrns: [LARGE_A] })),
    );

    expect(payloads.filter((payload) => payload.userErrors.length === 0)).toHaveLength(1);
    expect((await graphql('{ alliances { totalCount } }')).data?.alliances.totalCount).toBe(1);
  });
});

describe('changing leads', () => {
  it('adds a lead only together with a type that fits, and refuses otherwise', async () => {
    const { alliance } = await create({ name: 'Growing', type: 'SINGLE', leadUrns: [SMALL_A] });
    const before = await snapshot(alliance.id);

    const refused = await mutate('addAllianceLead', { allianceId: alliance.id, urn: SMALL_B });
    expect(refused.userErrors[0].code).toBe('LEAD_COUNT_DOES_NOT_FIT_TYPE');
    expect(await snapshot(alliance.id)).toEqual(before);

    const added = await mutate('addAllianceLead', { allianceId: alliance.id, urn: SMALL_B, type: 'JOB_SHARE' });
    expect(added.alliance).toMatchObject({ type: 'JOB_SHARE', leads: [{ urn: SMALL_A }, { urn: SMALL_B }] });
  });

  it('ends with exactly two leads when twenty callers race to add a lead to a job-share-to-be', async () => {
    await seedSchools(
      store,
      Array.from({ length: 20 }, (_, n) => ({ urn: String(910000 + n), pupils: 100 })),
    );
    const { alliance } = await create({ name: 'Contested', type: 'SINGLE', leadUrns: [SMALL_A] });

    const payloads = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        mutate('addAllianceLead', { allianceId: alliance.id, urn: String(910000 + n), type: 'JOB_SHARE' }),
      ),
    );

    expect(payloads.filter((payload) => payload.userErrors.length === 0)).toHaveLength(1);
    const stored = await getAllianceForChange(store, alliance.id);
    expect(stored?.leads).toHaveLength(2);
    const claimed = (
      await getSchoolsByUrn(
        store,
        Array.from({ length: 20 }, (_, n) => String(910000 + n)),
      )
    ).filter((school) => school?.leadsAllianceId);
    expect(claimed).toHaveLength(1);
  });

  it('removes a lead only when the rest fit, and hands its delivery areas to a named lead', async () => {
    const { alliance } = await create({
      name: 'Trio',
      type: 'MULTIPLE',
      leadUrns: [LARGE_A, LARGE_B, LARGE_C],
      deliveryAreaLeads: allAreas(LARGE_A),
    });

    const unassigned = await mutate('removeAllianceLead', { allianceId: alliance.id, urn: LARGE_A });
    const notALead = await mutate('removeAllianceLead', {
      allianceId: alliance.id,
      urn: LARGE_A,
      reassignDeliveryAreasTo: SMALL_A,
    });
    const removed = await mutate('removeAllianceLead', {
      allianceId: alliance.id,
      urn: LARGE_A,
      reassignDeliveryAreasTo: LARGE_B,
    });
    const tooFew = await mutate('removeAllianceLead', { allianceId: alliance.id, urn: LARGE_B });

    expect(unassigned.userErrors[0]).toMatchObject({
      code: 'DELIVERY_AREA_UNASSIGNED',
      field: ['reassignDeliveryAreasTo'],
    });
    expect(notALead.userErrors[0].code).toBe('NOT_A_LEAD');
    expect(removed.alliance.leads).toEqual([{ urn: LARGE_B }, { urn: LARGE_C }]);
    expect(removed.alliance.deliveryAreas.every((area: any) => area.accountableLead.urn === LARGE_B)).toBe(true);
    expect(tooFew.userErrors[0].code).toBe('LEAD_COUNT_DOES_NOT_FIT_TYPE');
    const [former] = await getSchoolsByUrn(store, [LARGE_A]);
    expect(former?.leadsAllianceId).toBeNull();
  });

  it('changes type only to one the leads fit', async () => {
    const { alliance } = await create({
      name: 'Pair',
      type: 'MULTIPLE',
      leadUrns: [LARGE_A, SMALL_A],
      deliveryAreaLeads: allAreas(LARGE_A),
    });
    const before = await snapshot(alliance.id);

    const refused = await mutate('changeAllianceType', { allianceId: alliance.id, type: 'JOB_SHARE' });

    expect(refused.userErrors[0]).toMatchObject({ code: 'JOB_SHARE_LEAD_NOT_SMALL_OR_SPECIAL', field: ['type'] });
    expect(await snapshot(alliance.id)).toEqual(before);
  });

  it('names an accountable lead only from the leads', async () => {
    const { alliance } = await create({
      name: 'Pair',
      type: 'MULTIPLE',
      leadUrns: [LARGE_A, LARGE_B],
      deliveryAreaLeads: allAreas(LARGE_A),
    });

    const refused = await mutate('assignDeliveryAreaLead', {
      allianceId: alliance.id,
      area: 'SCHOOL_TO_SCHOOL_SUPPORT',
      urn: LARGE_C,
    });
    const assigned = await mutate('assignDeliveryAreaLead', {
      allianceId: alliance.id,
      area: 'SCHOOL_TO_SCHOOL_SUPPORT',
      urn: LARGE_B,
    });

    expect(refused.userErrors[0].code).toBe('NOT_A_LEAD');
    expect(
      assigned.alliance.deliveryAreas.find((area: any) => area.area === 'SCHOOL_TO_SCHOOL_SUPPORT').accountableLead.urn,
    ).toBe(LARGE_B);
  });

  it('answers ALLIANCE_NOT_FOUND for an unknown alliance', async () => {
    expect((await mutate('renameAlliance', { allianceId: 'nope', name: 'X' })).userErrors[0]).toMatchObject({
      code: 'ALLIANCE_NOT_FOUND',
      field: ['allianceId'],
    });
  });
});

describe('partners, deliverers and networks', () => {
  const MEMBERSHIP = 'membership { role joinedOn leftOn school { urn } }';

  /** An alliance led by LARGE_A, with PARTNER a MEMBER since 2016-09-01. */
  async function partnered() {
    const { alliance } = await create({ name: 'Partnered', type: 'SINGLE', leadUrns: [LARGE_A] });
    await mutate(
      'addAllianceMember',
      { allianceId: alliance.id, urn: PARTNER, role: 'MEMBER', joinedOn: '2016-09-01' },
      MEMBERSHIP,
    );
    return alliance;
  }

  it('adds a partner school as a member from the day it joined', async () => {
    const { alliance } = await create({ name: 'Partnered', type: 'SINGLE', leadUrns: [LARGE_A] });

    const joined = await mutate(
      'addAllianceMember',
      { allianceId: alliance.id, urn: PARTNER, role: 'MEMBER', joinedOn: '2016-09-01' },
      MEMBERSHIP,
    );

    expect(joined.membership).toEqual({
      role: 'MEMBER',
      joinedOn: '2016-09-01',
      leftOn: null,
      school: { urn: PARTNER },
    });
  });

  it('refuses a school that is already a member, and a lead as a member', async () => {
    const alliance = await partnered();

    const again = await mutate(
      'addAllianceMember',
      { allianceId: alliance.id, urn: PARTNER, role: 'SUPPORTED' },
      MEMBERSHIP,
    );
    const lead = await mutate(
      'addAllianceMember',
      { allianceId: alliance.id, urn: LARGE_A, role: 'MEMBER' },
      MEMBERSHIP,
    );

    expect(again.userErrors[0].code).toBe('ALREADY_A_MEMBER');
    expect(lead.userErrors[0].code).toBe('LEAD_CANNOT_BE_MEMBER');
  });

  it('refuses a leaving date before the school joined', async () => {
    const alliance = await partnered();

    const early = await mutate(
      'removeAllianceMember',
      { allianceId: alliance.id, urn: PARTNER, leftOn: '2015-01-01' },
      MEMBERSHIP,
    );

    expect(early.userErrors[0]).toMatchObject({ code: 'DATE_BEFORE_START', field: ['leftOn'] });
  });

  it('counts members by role after a change of role', async () => {
    const alliance = await partnered();

    const promoted = await mutate(
      'changeAllianceMemberRole',
      { allianceId: alliance.id, urn: PARTNER, role: 'STRATEGIC_PARTNER' },
      MEMBERSHIP,
    );
    const counted = await graphql(
      `{ alliance(id: "${alliance.id}") { all: members { totalCount } strategic: members(role:
        STRATEGIC_PARTNER) { totalCount edges { node { school { urn } } } } } }`,
    );

    expect(promoted.membership.role).toBe('STRATEGIC_PARTNER');
    expect(counted.data?.alliance).toEqual({
      all: { totalCount: 1 },
      strategic: { totalCount: 1, edges: [{ node: { school: { urn: PARTNER } } }] },
    });
  });

  it('keeps a leaving school as dated history, and refuses it leaving twice', async () => {
    const alliance = await partnered();
    await mutate(
      'changeAllianceMemberRole',
      { allianceId: alliance.id, urn: PARTNER, role: 'STRATEGIC_PARTNER' },
      MEMBERSHIP,
    );

    const left = await mutate(
      'removeAllianceMember',
      { allianceId: alliance.id, urn: PARTNER, leftOn: '2017-07-31' },
      MEMBERSHIP,
    );
    const notMember = await mutate('removeAllianceMember', { allianceId: alliance.id, urn: PARTNER }, MEMBERSHIP);
    const history = await graphql(
      `{ school(urn: "${PARTNER}") { allianceMemberships { totalCount edges { node { role joinedOn
        leftOn alliance { name } } } } } alliance(id: "${alliance.id}") { members { totalCount } } }`,
    );

    expect(left.membership.leftOn).toBe('2017-07-31');
    expect(notMember.userErrors[0].code).toBe('NOT_A_MEMBER');
    expect(history.data).toEqual({
      school: {
        allianceMemberships: {
          totalCount: 1,
          edges: [
            {
              node: {
                role: 'STRATEGIC_PARTNER',
                joinedOn: '2016-09-01',
                leftOn: '2017-07-31',
                alliance: { name: 'Partnered' },
              },
            },
          ],
        },
      },
      alliance: { members: { totalCount: 0 } },
    });
  });

  it('keeps a deliverer that leaves, dated, and lists it only when asked', async () => {
    const { alliance } = await create({ name: 'Delivering', type: 'SINGLE', leadUrns: [LARGE_A] });

    const added = await mutate(
      'addAllianceDeliverer',
      { allianceId: alliance.id, name: 'University of Derby', kind: 'UNIVERSITY', joinedOn: '2014-01-01' },
      'deliverer { id name kind }',
    );
    const removed = await mutate('removeAllianceDeliverer', {
      allianceId: alliance.id,
      delivererId: added.deliverer.id,
      leftOn: '2016-01-01',
    });
    const unknown = await mutate('removeAllianceDeliverer', {
      allianceId: alliance.id,
      delivererId: added.deliverer.id,
    });
    const listed = await graphql(
      `{ alliance(id: "${alliance.id}") { current: deliverers { name
        } all: deliverers(includeFormer: true) { name leftOn } } }`,
    );

    expect(added.deliverer).toMatchObject({ name: 'University of Derby', kind: 'UNIVERSITY' });
    expect(removed.userErrors).toEqual([]);
    expect(unknown.userErrors[0].code).toBe('DELIVERER_NOT_FOUND');
    expect(listed.data?.alliance).toEqual({
      current: [],
      all: [{ name: 'University of Derby', leftOn: '2016-01-01' }],
    });
  });

  it('joins and leaves a teaching school network, which lists its alliances', async () => {
    const { alliance: first } = await create({ name: 'North One', type: 'SINGLE', leadUrns: [LARGE_A] });
    const { alliance: second } = await create({ name: 'North Two', type: 'SINGLE', leadUrns: [LARGE_B] });

    await mutate('joinNetwork', { allianceId: first.id, networkName: 'Northern Network' });
    await mutate('joinNetwork', { allianceId: second.id, networkName: 'Northern Network' });
    const twice = await mutate('joinNetwork', { allianceId: first.id, networkName: 'Other' });
    const network = await graphql(
      `{ alliance(id: "${first.id}") { network { name alliances { totalCount edges { node { name } } } } } }`,
    );
    await mutate('leaveNetwork', { allianceId: first.id });
    const leftTwice = await mutate('leaveNetwork', { allianceId: first.id });

    expect(twice.userErrors[0].code).toBe('ALREADY_IN_NETWORK');
    expect(network.data?.alliance.network).toEqual({
      name: 'Northern Network',
      alliances: { totalCount: 2, edges: [{ node: { name: 'North One' } }, { node: { name: 'North Two' } }] },
    });
    expect(leftTwice.userErrors[0].code).toBe('NOT_IN_NETWORK');
  });

  it('renames an alliance, freeing its old name, but not onto a name another holds', async () => {
    const { alliance: first } = await create({ name: 'Old Name', type: 'SINGLE', leadUrns: [LARGE_A] });
    await create({ name: 'Taken', type: 'SINGLE', leadUrns: [LARGE_B] });

    const taken = await mutate('renameAlliance', { allianceId: first.id, name: 'TAKEN' });
    const renamed = await mutate('renameAlliance', { allianceId: first.id, name: 'New Name' });
    const reused = await create({ name: 'Old Name', type: 'SINGLE', leadUrns: [LARGE_C] });

    expect(taken.userErrors[0].code).toBe('ALLIANCE_NAME_TAKEN');
    expect(renamed.alliance.name).toBe('New Name');
    expect(reused.userErrors).toEqual([]);
  });

  it('reads an alliance with its leads and 50 members in the same number of requests as with 2 members', async () => {
    await seedSchools(
      store,
      Array.from({ length: 50 }, (_, n) => ({ urn: String(920000 + n), rating: 'Good', teaching: false })),
    );
    const { alliance: small } = await create({ name: 'Small', type: 'SINGLE', leadUrns: [LARGE_A] });
    const { alliance: large } = await create({
      name: 'Large',
      type: 'MULTIPLE',
      leadUrns: [LARGE_B, LARGE_C, SPECIAL],
      deliveryAreaLeads: allAreas(LARGE_B),
    });
    for (let n = 0; n < 50; n += 1)
      await mutate('addAllianceMember', { allianceId: large.id, urn: String(920000 + n), role: 'MEMBER' });
    for (let n = 0; n < 2; n += 1)
      await mutate('addAllianceMember', { allianceId: small.id, urn: String(920000 + n), role: 'MEMBER' });
    const query = (id: string) =>
      `{ alliance(id: "${id}") { leads { name localAuthority { name } }
        members(first: 50) { edges { node { school { name } } } } } }`;
    await graphql(query(small.id));

    requests.reset();
    const largeResponse = await graphql(query(large.id));
    const largeRequests = requests.total;
    requests.reset();
    await graphql(query(small.id));
    const smallRequests = requests.total;

    expect(largeResponse.data?.alliance.members.edges).toHaveLength(50);
    expect(largeRequests).toBe(smallRequests);
    expect(largeRequests).toBeLessThanOrEqual(5);
  });
});
