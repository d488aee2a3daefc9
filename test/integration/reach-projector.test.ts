import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startLocalReachProjector } from '../../src/entry/local-reach-projector.js';
import { runImport } from '../../src/import/run-import.js';
import { auditReach } from '../../src/store/reach-audit.js';
import type { Store } from '../../src/store/store.js';
import type { StreamPoller } from '../../src/store/stream-poller.js';
import { writeCsv } from '../support/fixtures.js';
import { graphqlClient } from '../support/graphql.js';
import { shippedEstablishments, shippedTeachingSchools } from '../support/shipped-file.js';
import { emptyStore } from '../support/store.js';
import { waitFor } from '../support/wait-for.js';

const NORTHUMBERLAND = '929';

/** The shipped files cut to the North East, loaded fresh into a table of its own. */
async function northEastStore(): Promise<Store> {
  const schools = shippedEstablishments().filter((row) => row['GOR (name)'] === 'North East');
  const urns = new Set(schools.map((row) => row.URN));
  const teaching = shippedTeachingSchools().filter((row) => urns.has(row.URN));
  const { store } = await emptyStore();
  await runImport(store, {
    establishments: writeCsv(Object.keys(schools[0]!), schools),
    teachingSchools: writeCsv(Object.keys(teaching[0]!), teaching, { encoding: 'utf-8', name: 'teaching.csv' }),
  });
  return store;
}

/** A small seeded random generator (mulberry32), so a failing sequence can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('the reach projector, over DynamoDB Local’s stream', () => {
  let store: Store;
  let projector: StreamPoller;
  let graphql: ReturnType<typeof graphqlClient>;

  beforeAll(async () => {
    store = await northEastStore();
    projector = await startLocalReachProjector(store, inject('dynamoEndpoint'), { intervalMs: 100 });
    graphql = graphqlClient(store);
  });
  afterAll(() => projector.stop());

  const reachOf = async (urn: string) => {
    const response = await graphql(`{ school(urn: "${urn}") { nearestTeachingSchool { distanceKm school { urn } } } }`);
    return response.data!.school.nearestTeachingSchool as { distanceKm: number; school: { urn: string } };
  };
  const designate = (urn: string) =>
    graphql(`mutation { designateTeachingSchool(input: { urn: "${urn}" }) { userErrors { code message } } }`);
  const withdraw = (urn: string) =>
    graphql(`mutation { withdrawDesignation(input: { urn: "${urn}" }) { userErrors { code message } } }`);
  const candidates = async (laCode: string | null) => {
    const filter = laCode ? `localAuthority: "${laCode}"` : 'region: NORTH_EAST';
    const response = await graphql(
      `{ untappedOutstandingSchools(filter: { ${filter} }, first: 100) {
          edges { node { urn nearestTeachingSchool { distanceKm } } } } }`,
    );
    return response.data!.untappedOutstandingSchools.edges.map((edge: any) => edge.node) as {
      urn: string;
      nearestTeachingSchool: { distanceKm: number } | null;
    }[];
  };

  it('brings a remote school’s neighbours nearer within seconds of a designation, and back after it ends', async () => {
    // Prepare: the outstanding school farthest from a teaching school in Northumberland, and its remote neighbours
    const remote = (await candidates(NORTHUMBERLAND))
      .filter((school) => school.nearestTeachingSchool)
      .sort((left, right) => right.nearestTeachingSchool!.distanceKm - left.nearestTeachingSchool!.distanceKm)[0]!;
    const before = await graphql(
      `{ remoteSchools(filter: { localAuthority: "${NORTHUMBERLAND}", beyondKm: 10 }, first: 100) {
          edges { node { urn } nearestTeachingSchool { distanceKm } } } }`,
    );
    const neighbours = new Map<string, number>(
      before.data!.remoteSchools.edges.map((edge: any) => [edge.node.urn, edge.nearestTeachingSchool.distanceKm]),
    );

    const national = async () =>
      (await graphql('{ nationalCoverage { reach { asOf bands { fromKm schools } } } }')).data!.nationalCoverage
        .reach as { asOf: string; bands: { fromKm: number; schools: number }[] };
    const nationalBefore = await national();

    // Act
    expect((await designate(remote.urn)).data!.designateTeachingSchool.userErrors).toEqual([]);
    const designated = await waitFor(
      () => reachOf(remote.urn),
      (reach) => reach.distanceKm === 0,
    );

    // Assess
    expect(designated.value.school.urn).toBe(remote.urn);
    expect(designated.ms).toBeLessThan(10_000);
    // The nation's figures were asked before, through the same handler: they are not answered from that time.
    const nationalAfter = await national();
    expect(nationalAfter.asOf).not.toBe(nationalBefore.asOf);
    expect(nationalAfter.bands[0]!.schools).toBeGreaterThan(nationalBefore.bands[0]!.schools);
    const after = await graphql(
      `{ remoteSchools(filter: { localAuthority: "${NORTHUMBERLAND}", beyondKm: 0 }, first: 100) {
          edges { node { urn } nearestTeachingSchool { distanceKm school { urn } } } } }`,
    );
    const nearer = after.data!.remoteSchools.edges.filter(
      (edge: any) => edge.nearestTeachingSchool.school.urn === remote.urn && edge.node.urn !== remote.urn,
    );
    expect(nearer.length).toBeGreaterThan(0);
    for (const edge of nearer) {
      const was = neighbours.get(edge.node.urn);
      if (was !== undefined) expect(edge.nearestTeachingSchool.distanceKm).toBeLessThan(was);
    }

    // Act: the designation ends
    expect((await withdraw(remote.urn)).data!.withdrawDesignation.userErrors).toEqual([]);
    const withdrawn = await waitFor(
      () => reachOf(remote.urn),
      (reach) => reach.distanceKm === remote.nearestTeachingSchool!.distanceKm,
    );

    // Assess
    expect(withdrawn.value.distanceKm).toBe(remote.nearestTeachingSchool!.distanceKm);
    await projector.drained();
    const audit = await auditReach(store);
    expect(audit.differences).toEqual([]);
    expect(audit.stateDiffers).toBe(false);
  }, 120_000);

  it('matches a recomputation after a seeded random sequence of designations and withdrawals', async () => {
    // Prepare
    const random = seeded(2018);
    const pool = (await candidates(null)).map((school) => school.urn);
    const designated: string[] = [];

    // Act
    for (let step = 0; step < 12; step += 1) {
      if (designated.length > 0 && random() < 0.4) {
        const [urn] = designated.splice(Math.floor(random() * designated.length), 1);
        expect((await withdraw(urn!)).data!.withdrawDesignation.userErrors).toEqual([]);
      } else {
        const [urn] = pool.splice(Math.floor(random() * pool.length), 1);
        expect((await designate(urn!)).data!.designateTeachingSchool.userErrors).toEqual([]);
        designated.push(urn!);
      }
    }
    await projector.drained();

    // Assess
    const audit = await auditReach(store);
    expect(audit.differences).toEqual([]);
    expect(audit.stateDiffers).toBe(false);
  }, 120_000);

  it('loses and double-counts nothing when the projector is killed mid-batch and started again', async () => {
    // Prepare: a projector that dies part-way through its first batch, before its checkpoint
    await projector.stop();
    let killed: () => void = () => undefined;
    const died = new Promise<void>((resolve) => {
      killed = resolve;
    });
    const dying = await startLocalReachProjector(store, inject('dynamoEndpoint'), {
      intervalMs: 100,
      around: async (project) => {
        await project();
        killed();
        throw new Error('killed before its checkpoint');
      },
    });
    const pool = (await candidates(null)).map((school) => school.urn).slice(0, 3);

    // Act
    for (const urn of pool) await designate(urn);
    await withdraw(pool[0]!);
    await died;
    await dying.stop();
    projector = await startLocalReachProjector(store, inject('dynamoEndpoint'), { intervalMs: 100 });
    await projector.drained();

    // Assess
    const audit = await auditReach(store);
    expect(audit.differences).toEqual([]);
    expect(audit.stateDiffers).toBe(false);
    expect((await reachOf(pool[1]!)).distanceKm).toBe(0);
    expect((await reachOf(pool[0]!)).distanceKm).toBeGreaterThan(0);
  }, 120_000);
});
