import { beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/graphql/context.js';
import { importEstablishments, importTeachingSchools } from '../../src/import/importer.js';
import { runImport } from '../../src/import/run-import.js';
import type { RequestCounter } from '../../src/store/request-counter.js';
import type { Store } from '../../src/store/store.js';
import { GIAS_HEADER, NCTL_HEADER, giasRow, nctlRow, writeCsv } from '../support/fixtures.js';
import { graphqlClient } from '../support/graphql.js';
import { emptyStore } from '../support/store.js';

const SETTLE_SECONDS = 1;
process.env.CHANGE_FEED_SETTLE_SECONDS = String(SETTLE_SECONDS);

const PARTNER: Caller = { id: 'partner-client-7', role: 'partner', regions: [] };

const CHANGES = `query ($since: DateTime!, $first: Int, $after: String, $filter: ChangeFilter) {
  changes(since: $since, first: $first, after: $after, filter: $filter) {
    edges { cursor node { id at kind subjectKey changedFields summary
      subject { __typename ... on School { urn name updatedAt designation { status } } ... on Alliance { id name } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const DESIGNATE = `mutation ($urn: String!) {
  designateTeachingSchool(input: { urn: $urn, cohort: 4, designatedOn: "2014-09-01" }) {
    school { urn updatedAt } userErrors { code }
  }
}`;

const OPEN_REVIEW = `mutation ($urn: String!) {
  openDesignationReview(
    input: { urn: $urn, trigger: PEER_REVIEW, dueBy: "2030-01-01", notes: "Head teacher on leave" }
  ) {
    review { id } userErrors { code }
  }
}`;

const CONCLUDE = `mutation ($id: ID!) {
  concludeDesignationReview(input: { reviewId: $id, outcome: RETAINED, notes: "Confidential: staffing concerns" }) {
    review { id } userErrors { code }
  }
}`;

const URNS = Array.from({ length: 12 }, (_, i) => String(900001 + i));

let store: Store;
let requests: RequestCounter;
let staff: ReturnType<typeof graphqlClient>;
let partner: ReturnType<typeof graphqlClient>;
let loadedAt: Date;

beforeEach(async () => {
  ({ store, requests } = await emptyStore());
  staff = graphqlClient(store);
  partner = graphqlClient(store, { identify: () => PARTNER });
  await importEstablishments(
    store,
    writeCsv(
      GIAS_HEADER,
      URNS.map((urn, i) =>
        giasRow({ URN: urn, EstablishmentName: `School ${urn}`, 'LA (code)': i % 2 ? '201' : '202' }),
      ),
    ),
  );
  await settle();
  loadedAt = new Date();
});

function settle(seconds = SETTLE_SECONDS + 0.2): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}

type Edge = { cursor: string; node: Record<string, any> };

/** Follows the feed from a time (or a cursor) to its current end, page by page, as a partner would. */
async function follow(
  since: Date,
  after: string | null = null,
  first = 5,
): Promise<{ nodes: Record<string, any>[]; cursor: string | null }> {
  const nodes: Record<string, any>[] = [];
  let cursor = after;
  for (;;) {
    const response = await partner(CHANGES, { since: since.toISOString(), first, after: cursor });
    expect(response.errors).toBeUndefined();
    const page = response.data!.changes;
    nodes.push(...page.edges.map((edge: Edge) => edge.node));
    cursor = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage) return { nodes, cursor };
  }
}

describe('changes (the change feed)', () => {
  it('lists exactly the changes made since a time, oldest first, with the public part only', async () => {
    await staff(DESIGNATE, { urn: '900001' });
    const opened = await staff(OPEN_REVIEW, { urn: '900001' });
    await staff(CONCLUDE, { id: opened.data!.openDesignationReview.review.id });
    await settle();

    const response = await partner(CHANGES, { since: loadedAt.toISOString() });

    const nodes = response.data!.changes.edges.map((edge: Edge) => edge.node);
    expect(nodes.map((node: any) => [node.kind, node.subjectKey])).toEqual([
      ['DESIGNATED', 'SCHOOL#900001'],
      ['REVIEW_OPENED', 'SCHOOL#900001'],
      ['REVIEW_CONCLUDED', 'SCHOOL#900001'],
    ]);
    expect(nodes[0].changedFields).toEqual(['designation']);
    expect(nodes[0].summary).toBe('Designated a teaching school (SCHOOL#900001): designation');
    expect(nodes[2].subject).toMatchObject({
      __typename: 'School',
      urn: '900001',
      designation: { status: 'DESIGNATED' },
    });
    const text = JSON.stringify(response);
    expect(text).not.toContain('developer@localhost');
    expect(text).not.toContain('Head teacher on leave');
    expect(text).not.toContain('staffing concerns');
  });

  it('does not list a change until the settle window has passed', async () => {
    await staff(DESIGNATE, { urn: '900002' });

    const early = await partner(CHANGES, { since: loadedAt.toISOString() });
    await settle();
    const later = await partner(CHANGES, { since: loadedAt.toISOString() });

    expect(early.data!.changes.edges).toEqual([]);
    expect(later.data!.changes.edges.map((edge: Edge) => edge.node.subjectKey)).toEqual(['SCHOOL#900002']);
  });

  it('resumes from a cursor with nothing missed or repeated while changes are being written', async () => {
    const writing = (async () => {
      for (const urn of URNS) {
        await Promise.all([staff(DESIGNATE, { urn }), staff(OPEN_REVIEW, { urn: URNS[0]! })]);
      }
    })();
    const seen: Record<string, any>[] = [];
    let cursor: string | null = null;
    let done = false;
    void writing.then(() => {
      done = true;
    });
    while (!done) {
      const page = await follow(loadedAt, cursor, 3);
      seen.push(...page.nodes);
      cursor = page.cursor;
    }
    await settle();
    seen.push(...(await follow(loadedAt, cursor, 3)).nodes);

    const everything = (await follow(loadedAt, null, 100)).nodes;
    expect(seen.map((node) => node.id)).toEqual(everything.map((node) => node.id));
    expect(new Set(seen.map((node) => node.id)).size).toBe(seen.length);
    expect(
      seen
        .filter((node) => node.kind === 'DESIGNATED')
        .map((node) => node.subjectKey)
        .sort(),
    ).toEqual(URNS.map((urn) => `SCHOOL#${urn}`));
  });

  it('keeps its cursor when nothing new has settled, and goes on from it when something has', async () => {
    await staff(DESIGNATE, { urn: '900003' });
    await settle();
    const first = await follow(loadedAt);

    const idle = await partner(CHANGES, { since: loadedAt.toISOString(), after: first.cursor });
    await staff(DESIGNATE, { urn: '900004' });
    await settle();
    const next = await follow(loadedAt, idle.data!.changes.pageInfo.endCursor);

    expect(idle.data!.changes.pageInfo.endCursor).toBe(first.cursor);
    expect(first.nodes.map((node) => node.subjectKey)).toEqual(['SCHOOL#900003']);
    expect(next.nodes.map((node) => node.subjectKey)).toEqual(['SCHOOL#900004']);
  });

  it('reads a page with one Query and at most one BatchGetItem, however far back since is', async () => {
    for (const urn of URNS.slice(0, 6)) await staff(DESIGNATE, { urn });
    await staff(
      `mutation { createAlliance(input: { name: "Feed Alliance", type:
        SINGLE, leadUrns: ["900001"] }) { userErrors { code } } }`,
    );
    await settle();
    requests.reset();

    const response = await partner(CHANGES, { since: '2000-01-01T00:00:00Z', first: 100 });

    expect(response.data!.changes.edges.length).toBeGreaterThan(12);
    expect(response.data!.changes.edges.map((edge: Edge) => edge.node.subject?.__typename)).toContain('Alliance');
    expect(requests.byOperation).toEqual({ Query: 1, BatchGetItem: 1 });
  });

  it('narrows to kinds and a local authority', async () => {
    await staff(DESIGNATE, { urn: '900001' });
    await staff(DESIGNATE, { urn: '900002' });
    await staff(OPEN_REVIEW, { urn: '900001' });
    await settle();

    const designated = await partner(CHANGES, { since: loadedAt.toISOString(), filter: { kinds: ['DESIGNATED'] } });
    const inCamden = await partner(CHANGES, { since: loadedAt.toISOString(), filter: { localAuthority: '202' } });

    const keysOf = (response: any) =>
      response.data.changes.edges.map((edge: Edge) => [edge.node.kind, edge.node.subjectKey]);
    expect(keysOf(designated)).toEqual([
      ['DESIGNATED', 'SCHOOL#900001'],
      ['DESIGNATED', 'SCHOOL#900002'],
    ]);
    expect(keysOf(inCamden)).toEqual([
      ['DESIGNATED', 'SCHOOL#900001'],
      ['REVIEW_OPENED', 'SCHOOL#900001'],
    ]);
  });

  it('carries what an import changed: one event per school whose data changed', async () => {
    await importEstablishments(
      store,
      writeCsv(GIAS_HEADER, [
        giasRow({ URN: '900001', EstablishmentName: 'Renamed School', 'LA (code)': '202' }),
        giasRow({ URN: '900002', EstablishmentName: 'School 900002', 'LA (code)': '201' }),
      ]),
    );
    await settle();

    const { nodes } = await follow(loadedAt);

    expect(nodes.map((node) => [node.kind, node.subjectKey, node.changedFields])).toEqual([
      ['SCHOOL_UPDATED', 'SCHOOL#900001', ['name']],
    ]);
    expect(nodes[0]!.subject).toMatchObject({ name: 'Renamed School' });
  });

  it('tells a partner to resync after a fresh load: one REGISTRY_LOADED, whatever the place filter', async () => {
    const fresh = await emptyStore();
    const freshPartner = graphqlClient(fresh.store, { identify: () => PARTNER });
    const before = new Date();
    await runImport(fresh.store, {
      establishments: writeCsv(GIAS_HEADER, [giasRow(), giasRow({ URN: '900002', 'LA (code)': '202' })]),
    });
    await settle();

    const everything = await freshPartner(CHANGES, { since: before.toISOString() });
    const inCamden = await freshPartner(CHANGES, {
      since: before.toISOString(),
      filter: { localAuthority: '202', region: 'LONDON' },
    });
    const designations = await freshPartner(CHANGES, {
      since: before.toISOString(),
      filter: { kinds: ['DESIGNATED'] },
    });

    expect(everything.data!.changes.edges.map((edge: Edge) => edge.node)).toEqual([
      expect.objectContaining({
        kind: 'REGISTRY_LOADED',
        subject: null,
        subjectKey: null,
        changedFields: [],
        summary: 'Registry loaded into a fresh table',
      }),
    ]);
    expect(inCamden.data!.changes.edges.map((edge: Edge) => edge.node.kind)).toEqual(['REGISTRY_LOADED']);
    expect(designations.data!.changes.edges).toEqual([]);
  });

  it('carries what an alliance import changed: an ALLIANCE_CHANGED per new alliance, none again', async () => {
    const row = (urn: string, alliance: string) => nctlRow({ URN: urn, 'Alliance Name': alliance });
    const first = writeCsv(NCTL_HEADER, [row('900001', 'North Alliance'), row('900002', 'South Alliance')], {
      encoding: 'utf-8',
    });
    const second = writeCsv(
      NCTL_HEADER,
      [row('900001', 'North Alliance'), row('900002', 'South Alliance'), row('900003', 'East Alliance')],
      { encoding: 'utf-8' },
    );
    const alliancesIn = (page: { nodes: Record<string, any>[] }) =>
      page.nodes.filter((node) => node.kind === 'ALLIANCE_CHANGED');

    await importTeachingSchools(store, first);
    await settle();
    const firstImport = await follow(loadedAt);
    await importTeachingSchools(store, first);
    await settle();
    const repeat = await follow(loadedAt, firstImport.cursor);
    await importTeachingSchools(store, second);
    await settle();
    const added = alliancesIn(await follow(loadedAt, repeat.cursor));

    expect(
      alliancesIn(firstImport)
        .map((node) => node.subject.name)
        .sort(),
    ).toEqual(['North Alliance', 'South Alliance']);
    expect(alliancesIn(firstImport)[0]!.changedFields).toContain('leads');
    expect(repeat.nodes).toEqual([]);
    expect(added.map((node) => [node.subjectKey, node.subject.name])).toEqual([
      ['ALLIANCE#east-alliance', 'East Alliance'],
    ]);
  });

  it('answers School.updatedAt: the time of the last change', async () => {
    const before = await staff('{ school(urn: "900005") { updatedAt } }');
    const designated = await staff(DESIGNATE, { urn: '900005' });
    const after = await staff('{ school(urn: "900005") { updatedAt } }');

    expect(Date.parse(before.data!.school.updatedAt)).toBeLessThanOrEqual(loadedAt.getTime());
    expect(after.data!.school.updatedAt).toBe(designated.data!.designateTeachingSchool.school.updatedAt);
    expect(Date.parse(after.data!.school.updatedAt)).toBeGreaterThan(loadedAt.getTime());
  });

  it('refuses a cursor of another list, naming the argument', async () => {
    const response = await partner(CHANGES, { since: loadedAt.toISOString(), after: 'bm90LWEtY3Vyc29y' });

    expect(response.errors?.[0]?.message).toMatch(/after/);
  });
});
