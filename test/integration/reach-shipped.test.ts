import { describe, expect, it } from 'vitest';
import { graphqlClient } from '../support/graphql.js';
import { shippedEstablishments, shippedTeachingSchools } from '../support/shipped-file.js';
import { shippedStore } from '../support/store.js';
import { readAllReach } from '../../src/store/reach-areas.js';

const OPEN = new Set(['Open', 'Open, but proposed to close']);

let computed: Map<string, number | null> | undefined;

/** Each open school's distance (m) to the nearest teaching school, straight from the shipped files. */
function reachFromFiles(): Map<string, number | null> {
  computed ??= computeFromFiles();
  return computed;
}

function computeFromFiles(): Map<string, number | null> {
  const rows = shippedEstablishments().filter((row) => OPEN.has(row['EstablishmentStatus (name)']!));
  const located = (row: Record<string, string>) => row.Easting !== '' && row.Northing !== '';
  const nctl = new Set(shippedTeachingSchools().map((row) => row.URN!));
  const teaching = rows.filter((row) => nctl.has(row.URN!) && located(row));
  const reach = new Map<string, number | null>();
  for (const row of rows) {
    if (!located(row)) {
      reach.set(row.URN!, null);
      continue;
    }
    let best = Number.POSITIVE_INFINITY;
    for (const candidate of teaching) {
      best = Math.min(
        best,
        Math.hypot(Number(candidate.Easting) - Number(row.Easting), Number(candidate.Northing) - Number(row.Northing)),
      );
    }
    reach.set(row.URN!, best);
  }
  return reach;
}

describe('reach on the shipped 2018 registry', () => {
  const { store } = shippedStore();
  const graphql = graphqlClient(store);

  it('answers the nearest teaching school to The Aldgate School and its distance', async () => {
    // Prepare
    const expected = reachFromFiles().get('100000')!;

    // Act
    const response = await graphql(
      '{ school(urn: "100000") { nearestTeachingSchool { distanceKm school { urn designation { status } } } } }',
    );

    // Assess
    const nearest = response.data!.school.nearestTeachingSchool;
    expect(nearest.school.designation.status).toMatch(/DESIGNATED|UNDER_REVIEW/);
    expect(Math.abs(nearest.distanceKm * 1000 - expected)).toBeLessThanOrEqual(1);
  });

  it("stores every open school's distance within 1 m of a computation made straight from the files", async () => {
    // Prepare
    const expected = reachFromFiles();

    // Act
    const { areas } = await readAllReach(store);

    // Assess
    const stored = new Map([...areas.values()].flatMap((area) => area.schools.map((school) => [school.urn, school])));
    expect(stored.size).toBe(expected.size);
    for (const [urn, metres] of expected) {
      const nearest = stored.get(urn)?.nearest ?? null;
      if (metres === null) expect(nearest, urn).toBeNull();
      else expect(Math.abs(nearest!.metres - metres), urn).toBeLessThanOrEqual(1);
    }
  });

  it("answers England's reach, with a median from every stored distance, in at most 3 DynamoDB requests", async () => {
    // Prepare
    const known = [...reachFromFiles().values()].filter((metres) => metres !== null).sort((a, b) => a - b);
    const middle = known.length / 2;
    const median = known.length % 2 ? known[Math.floor(middle)]! : (known[middle - 1]! + known[middle]!) / 2;
    const counted = shippedStore();
    const client = graphqlClient(counted.store);
    counted.requests.reset();

    // Act
    const response = await client(
      `{ nationalCoverage { reach { schools unknown medianKm farthestKm asOf bands { fromKm toKm schools }
          byPhaseGroup { phaseGroup medianKm } } } }`,
    );

    // Assess
    const reach = response.data!.nationalCoverage.reach;
    expect(Math.abs(reach.medianKm * 1000 - median)).toBeLessThanOrEqual(1);
    expect(reach.bands.map((band: { fromKm: number }) => band.fromKm)).toEqual([0, 5, 10, 20, 40]);
    expect(reach.bands.reduce((sum: number, band: { schools: number }) => sum + band.schools, 0)).toBe(known.length);
    expect(reach.byPhaseGroup.map((group: { phaseGroup: string }) => group.phaseGroup)).toEqual([
      'PRIMARY',
      'SECONDARY',
      'OTHER',
    ]);
    expect(counted.requests.total).toBeLessThanOrEqual(3);
  });

  it("answers England's reach again from the container's copy in 2 requests while reach has not changed", async () => {
    // Prepare
    const counted = shippedStore();
    const client = graphqlClient(counted.store);
    const query = '{ nationalCoverage { reach { medianKm asOf } } }';
    const first = await client(query);
    counted.requests.reset();

    // Act
    const again = await client(query);

    // Assess
    expect(again.data).toEqual(first.data);
    expect(counted.requests.byOperation).toEqual({ Query: 1, GetItem: 1 });
  });

  it('lists Northumberland among the local authorities where many schools are far from a teaching school', async () => {
    // Act
    const response = await graphql(
      `{ coverageGaps(filter: { kinds: [REMOTE] }, first: 100) {
          edges { node { kinds remoteShare localAuthority { code name } coverage { reach { farthestKm } } } } } }`,
    );

    // Assess
    const gaps = response.data!.coverageGaps.edges.map((edge: any) => edge.node);
    const northumberland = gaps.find((gap: any) => gap.localAuthority.name === 'Northumberland');
    expect(northumberland.kinds).toEqual(['REMOTE']);
    expect(northumberland.remoteShare).toBeGreaterThanOrEqual(0.1);
    expect(northumberland.coverage.reach.farthestKm).toBeGreaterThan(40);
    expect(gaps.every((gap: any) => gap.remoteShare >= 0.1)).toBe(true);
  });

  it('lists the schools farthest from a teaching school first, with their nearest teaching school', async () => {
    // Act
    const response = await graphql(
      `{ remoteSchools(filter: { localAuthority: "929" }, first: 5) {
          totalCount
          edges { node { urn localAuthority { code } } nearestTeachingSchool { distanceKm school { urn } } } } }`,
    );

    // Assess
    const edges = response.data!.remoteSchools.edges;
    const distances = edges.map((edge: any) => edge.nearestTeachingSchool.distanceKm);
    expect(edges.length).toBe(5);
    expect(distances).toEqual([...distances].sort((a, b) => b - a));
    expect(distances.every((km: number) => km >= 20)).toBe(true);
    expect(edges.every((edge: any) => edge.node.localAuthority.code === '929')).toBe(true);
  });

  it('refuses a distance out of range, naming the argument', async () => {
    // Act
    const response = await graphql('{ remoteSchools(filter: { beyondKm: -1 }) { totalCount } }');

    // Assess
    expect(response.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toContain('filter.beyondKm');
  });
});
