import { describe, expect, inject, it } from 'vitest';
import { graphqlClient } from '../support/graphql.js';
import { shippedStore } from '../support/store.js';

const { store, requests } = shippedStore();
const graphql = graphqlClient(store);

describe('alliances from the shipped NCTL list', () => {
  it('were created 635 times, with the 5 alliances none of whose schools GIAS holds reported', () => {
    const alliances = inject('shippedImport').reports[1]?.alliances;

    expect(alliances).toMatchObject({ read: 640, created: 635, unchanged: 0 });
    expect(alliances?.rejected).toHaveLength(5);
    expect(alliances?.rejected.every((rejection) => rejection.reason.includes('is not created'))).toBe(true);
  });

  it('are typed by their leads: 514 SINGLE, 109 MULTIPLE, 12 JOB_SHARE', async () => {
    const response = await graphql(`{
      all: alliances(first: 0) { totalCount }
      single: alliances(filter: { type: SINGLE }, first: 0) { totalCount }
      multiple: alliances(filter: { type: MULTIPLE }, first: 0) { totalCount }
      jobShare: alliances(filter: { type: JOB_SHARE }, first: 0) { totalCount }
      flagged: alliances(filter: { needsRestructuring: true }, first: 0) { totalCount }
    }`);

    expect(response.data).toEqual({
      all: { totalCount: 635 },
      single: { totalCount: 514 },
      multiple: { totalCount: 109 },
      jobShare: { totalCount: 12 },
      flagged: { totalCount: 0 },
    });
  });

  it('answer which alliance a teaching school leads, with all its leads', async () => {
    const response = await graphql(
      '{ school(urn: "136360") { leadsAlliance { name type leads { urn } needsRestructuring } } }',
    );

    const { leads, ...alliance } = response.data!.school.leadsAlliance;
    expect(alliance).toEqual({ name: 'Derby Teaching Schools Alliance', type: 'MULTIPLE', needsRestructuring: false });
    expect(leads.map((lead: { urn: string }) => lead.urn).sort()).toEqual(['113042', '113048', '133258', '136360']);
  });

  it('can be narrowed to a local authority, every one having a lead there', async () => {
    const response = await graphql(
      `{ alliances(filter: { localAuthority: "831" }, first: 100) { totalCount
        edges { node { name leads { localAuthority { code } } } } } }`,
    );

    const alliances = response.data?.alliances;
    expect(alliances.totalCount).toBe(alliances.edges.length);
    expect(alliances.edges.map((edge: any) => edge.node.name)).toContain('Derby Teaching Schools Alliance');
    expect(
      alliances.edges.every((edge: any) => edge.node.leads.some((lead: any) => lead.localAuthority.code === '831')),
    ).toBe(true);
  });

  it('list a page of alliances with their leads and local authorities in a fixed number of requests', async () => {
    const query = '{ alliances(first: 50) { edges { node { name leads { name localAuthority { name } } } } } }';
    await graphql(query);
    requests.reset();

    await graphql(query);

    expect(requests.byOperation).toEqual({ Query: 1, BatchGetItem: 1 });
  });
});
