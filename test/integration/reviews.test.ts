import { beforeEach, describe, expect, it } from 'vitest';
import { importEstablishments, importTeachingSchools } from '../../src/import/importer.js';
import type { Store } from '../../src/store/store.js';
import { GIAS_HEADER, NCTL_HEADER, writeCsv } from '../support/fixtures.js';
import { graphqlClient } from '../support/graphql.js';
import { shippedEstablishments, shippedTeachingSchools } from '../support/shipped-file.js';
import { emptyStore, shippedStore } from '../support/store.js';

const HARRINGTON = '112474';
const derbySchools = shippedEstablishments().filter((row) => row['LA (code)'] === '831');
const derbyUrns = new Set(derbySchools.map((row) => row.URN));
const derbyTeachingSchools = shippedTeachingSchools().filter((row) => derbyUrns.has(row.URN!));

let store: Store;
let graphql: ReturnType<typeof graphqlClient>;

beforeEach(async () => {
  ({ store } = await emptyStore());
  graphql = graphqlClient(store);
  await importEstablishments(store, writeCsv(GIAS_HEADER, derbySchools));
  await importTeachingSchools(
    store,
    writeCsv(NCTL_HEADER, derbyTeachingSchools, { encoding: 'utf-8', name: 'teaching-schools.csv' }),
  );
});

const RECORD = `mutation ($input: RecordOfstedInspectionInput!) { recordOfstedInspection(input: $input) {
  school { ofstedRating designation { status } } review { id trigger status dueBy }
  userErrors { field code message } } }`;
const CONCLUDE = `mutation ($input: ConcludeDesignationReviewInput!) { concludeDesignationReview(input: $input) {
  review { status outcome school { designation { status endedOn } } } userErrors { field code message } } }`;

async function teachingUrns(): Promise<string[]> {
  const response = await graphql(
    '{ teachingSchools(filter: { localAuthority: "831" }, first: 100) { edges { node { urn } } } }',
  );
  return response.data?.teachingSchools.edges.map((edge: any) => edge.node.urn);
}

describe('designation reviews on Derby, from the real 2018 data', () => {
  it('an inspection below Outstanding opens a review; de-designation flags the alliance and is audited', async () => {
    const recorded = await graphql(RECORD, { input: { urn: HARRINGTON, rating: 'GOOD', inspectedOn: '2018-03-01' } });

    expect(recorded.data?.recordOfstedInspection).toMatchObject({
      school: { ofstedRating: 'GOOD', designation: { status: 'UNDER_REVIEW' } },
      review: { trigger: 'OFSTED_BELOW_OUTSTANDING', status: 'OPEN' },
      userErrors: [],
    });
    expect(await teachingUrns()).toContain(HARRINGTON);

    const concluded = await graphql(CONCLUDE, {
      input: {
        reviewId: recorded.data?.recordOfstedInspection.review.id,
        outcome: 'DE_DESIGNATED',
        decidedOn: '2018-06-01',
      },
    });

    expect(concluded.data?.concludeDesignationReview).toEqual({
      review: {
        status: 'CONCLUDED',
        outcome: 'DE_DESIGNATED',
        school: { designation: { status: 'DE_DESIGNATED', endedOn: '2018-06-01' } },
      },
      userErrors: [],
    });
    expect(await teachingUrns()).not.toContain(HARRINGTON);
    const alliance = await graphql(
      `{ alliances(filter: { needsRestructuring: true }) { edges { node { name
        type leads { urn } needsRestructuring restructuringReasons } } } }`,
    );
    expect(alliance.data?.alliances.edges).toEqual([
      {
        node: {
          name: 'Derby Early Years Teaching School Alliance',
          type: 'SINGLE',
          leads: [],
          needsRestructuring: true,
          restructuringReasons: ['NO_LEADS'],
        },
      },
    ]);
    const trail = await graphql(
      `{ auditTrail(urn: "${HARRINGTON}") { totalCount edges { node { action actor { id role } after } } } }`,
    );
    expect(trail.data?.auditTrail.edges.map((edge: any) => [edge.node.action, edge.node.actor.id])).toEqual([
      // The GIAS row, the NCTL designation, and the NCTL alliance it leads.
      ['importRegistryFiles', 'registry-import'],
      ['importRegistryFiles', 'registry-import'],
      ['importRegistryFiles', 'registry-import'],
      ['recordOfstedInspection', 'developer@localhost'],
      ['concludeDesignationReview', 'developer@localhost'],
    ]);
    expect(trail.data?.auditTrail.edges[4].node.after).toMatchObject({
      designation: { status: 'DE_DESIGNATED' },
      leadsAllianceId: null,
    });
    const allianceId = (await graphql('{ alliances(filter: { needsRestructuring: true }) { edges { node { id } } } }'))
      .data?.alliances.edges[0].node.id;
    const allianceTrail = await graphql(
      `{ auditTrail(allianceId: "${allianceId}") { edges { node { action actor { id } after } } } }`,
    );
    expect(allianceTrail.data?.auditTrail.edges).toEqual([
      // Its creation by the NCTL import, then the de-designation of its lead.
      {
        node: expect.objectContaining({
          action: 'importRegistryFiles',
          after: expect.objectContaining({ leads: [HARRINGTON], type: 'SINGLE' }),
        }),
      },
      {
        node: {
          action: 'concludeDesignationReview',
          actor: { id: 'developer@localhost' },
          after: { leads: [], accountableLeads: {}, restructuringReasons: ['NO_LEADS'] },
        },
      },
    ]);
  });

  it('a RETAINED review restores the designation and leaves the alliance alone', async () => {
    const recorded = await graphql(RECORD, { input: { urn: HARRINGTON, rating: 'GOOD', inspectedOn: '2018-03-01' } });

    await graphql(CONCLUDE, {
      input: { reviewId: recorded.data?.recordOfstedInspection.review.id, outcome: 'RETAINED' },
    });

    const school = await graphql(
      `{ school(urn: "${HARRINGTON}") { designation { status } leadsAlliance {
        needsRestructuring } reviews { totalCount edges { node { outcome } } } } }`,
    );
    expect(school.data?.school).toEqual({
      designation: { status: 'DESIGNATED' },
      leadsAlliance: { needsRestructuring: false },
      reviews: { totalCount: 1, edges: [{ node: { outcome: 'RETAINED' } }] },
    });
  });

  it('refuses a second open review and a second conclusion, changing nothing', async () => {
    const recorded = await graphql(RECORD, { input: { urn: HARRINGTON, rating: 'GOOD', inspectedOn: '2018-03-01' } });
    const reviewId = recorded.data?.recordOfstedInspection.review.id;

    const second = await graphql(
      `mutation { openDesignationReview(input: { urn: "112474", trigger:
        PEER_REVIEW, dueBy: "2030-01-01" }) { review { id } userErrors { code } } }`,
    );
    await graphql(CONCLUDE, { input: { reviewId, outcome: 'RETAINED' } });
    const again = await graphql(CONCLUDE, { input: { reviewId, outcome: 'DE_DESIGNATED' } });
    const unknown = await graphql(CONCLUDE, { input: { reviewId: 'nonsense', outcome: 'RETAINED' } });

    expect(second.data?.openDesignationReview).toEqual({ review: null, userErrors: [{ code: 'REVIEW_ALREADY_OPEN' }] });
    expect(again.data?.concludeDesignationReview.userErrors[0].code).toBe('REVIEW_ALREADY_CONCLUDED');
    expect(unknown.data?.concludeDesignationReview.userErrors[0]).toMatchObject({
      code: 'REVIEW_NOT_FOUND',
      field: ['reviewId'],
    });
    const school = await graphql(`{ school(urn: "${HARRINGTON}") { designation { status } } }`);
    expect(school.data?.school.designation.status).toBe('DESIGNATED');
  });

  it('lists open reviews due before a date, in a region', async () => {
    await graphql(RECORD, { input: { urn: HARRINGTON, rating: 'REQUIRES_IMPROVEMENT', inspectedOn: '2018-03-01' } });

    const due = await graphql(
      `{ soon: designationReviews(filter: { status: OPEN, region: EAST_MIDLANDS, dueBefore: "2099-01-01" }) { totalCount
        edges { node { school { urn } trigger } } } none: designationReviews(filter: { status: OPEN, dueBefore:
        "2000-01-01" }) { totalCount } elsewhere: designationReviews(filter: { region: NORTH_WEST }) { totalCount } }`,
    );

    expect(due.data).toEqual({
      soon: { totalCount: 1, edges: [{ node: { school: { urn: HARRINGTON }, trigger: 'OFSTED_BELOW_OUTSTANDING' } }] },
      none: { totalCount: 0 },
      elsewhere: { totalCount: 0 },
    });
  });

  it('withdraws a designation, concluding the open review WITHDRAWN', async () => {
    await graphql(RECORD, { input: { urn: HARRINGTON, rating: 'GOOD', inspectedOn: '2018-03-01' } });

    const withdrawn = await graphql(
      `mutation { withdrawDesignation(input: { urn: "112474", withdrawnOn: "2018-04-01"
        }) { school { designation { status endReason } } userErrors { code } } }`,
    );
    const reviews = await graphql(`{ school(urn: "${HARRINGTON}") { reviews { edges { node { status outcome } } } } }`);

    expect(withdrawn.data?.withdrawDesignation).toEqual({
      school: { designation: { status: 'DE_DESIGNATED', endReason: 'Withdrawn by the school' } },
      userErrors: [],
    });
    expect(reviews.data?.school.reviews.edges).toEqual([{ node: { status: 'CONCLUDED', outcome: 'WITHDRAWN' } }]);
  });

  it('refuses impossible dates as malformed requests naming the variable, and changes nothing', async () => {
    const response = await graphql(RECORD, { input: { urn: HARRINGTON, rating: 'GOOD', inspectedOn: '2018-02-30' } });

    expect(response.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringContaining('inspectedOn'),
    });
    const school = await graphql(`{ school(urn: "${HARRINGTON}") { ofstedRating } }`);
    expect(school.data?.school.ofstedRating).toBe('OUTSTANDING');
  });
});

describe('designations at risk in the shipped registry', () => {
  const shipped = graphqlClient(shippedStore().store);

  it('are the 65 teaching schools rated below Outstanding: 64 Good and 1 Requires improvement', async () => {
    const response = await shipped(
      '{ designationsAtRisk(first: 100) { totalCount edges { node { ofstedRating designation { status } } } } }',
    );

    const atRisk = response.data?.designationsAtRisk;
    expect(atRisk.totalCount).toBe(65);
    const ratings = atRisk.edges.map((edge: any) => edge.node.ofstedRating);
    expect(ratings.filter((rating: string) => rating === 'GOOD')).toHaveLength(64);
    expect(ratings.filter((rating: string) => rating === 'REQUIRES_IMPROVEMENT')).toHaveLength(1);
  });
});
