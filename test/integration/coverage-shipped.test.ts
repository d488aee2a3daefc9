import { beforeEach, describe, expect, it } from 'vitest';
import { auditCoverage } from '../../src/store/coverage-audit.js';
import { graphqlClient } from '../support/graphql.js';
import { countBy, shippedEstablishments, shippedTeachingSchools } from '../support/shipped-file.js';
import { shippedStore } from '../support/store.js';

const { store, requests } = shippedStore();
const graphql = graphqlClient(store);
const schools = shippedEstablishments();
const byUrn = new Map(schools.map((row) => [row.URN!, row]));
const teaching = shippedTeachingSchools()
  .filter((row) => byUrn.has(row.URN!))
  .map((row) => byUrn.get(row.URN!)!);

beforeEach(() => requests.reset());

const COVERAGE = `schools teachingSchools underReview outstandingSchools untappedOutstanding alliances density
  byPhase { phase schools teachingSchools outstandingSchools untappedOutstanding }`;

describe('coverage of the shipped 2018 registry', () => {
  it('counts 24,953 schools and 799 teaching schools nationally, and 635 alliances', async () => {
    const response = await graphql(`{ nationalCoverage { ${COVERAGE} } }`);

    expect(response.data?.nationalCoverage).toMatchObject({
      schools: 24_953,
      teachingSchools: 799,
      underReview: 0,
      alliances: 635,
      density: 3.2,
    });
    expect(response.data?.nationalCoverage.outstandingSchools).toBe(
      schools.filter((row) => row['OfstedRating (name)'] === 'Outstanding').length,
    );
  });

  it('agrees with the shipped files for every region and every local authority', async () => {
    const response = await graphql(
      `{ regions { name coverage { schools teachingSchools outstandingSchools } } localAuthorities(first: 100) { edges {
        node { code coverage { schools teachingSchools outstandingSchools } } } } more: localAuthorities(first: 100,
        after: "${Buffer.from('["localAuthorities:ALL",100]').toString('base64url')}") { edges { node { code coverage {
        schools teachingSchools outstandingSchools } } } } }`,
    );

    const outstanding = schools.filter((row) => row['OfstedRating (name)'] === 'Outstanding');
    const expectRegions = Object.fromEntries(
      Object.entries(countBy(schools, (row) => row['GOR (name)']!)).map(([name, count]) => [
        name,
        {
          schools: count,
          teachingSchools: countBy(teaching, (row) => row['GOR (name)']!)[name] ?? 0,
          outstandingSchools: countBy(outstanding, (row) => row['GOR (name)']!)[name] ?? 0,
        },
      ]),
    );
    expect(Object.fromEntries(response.data?.regions.map((region: any) => [region.name, region.coverage]))).toEqual(
      expectRegions,
    );
    const expectAuthorities = Object.fromEntries(
      Object.entries(countBy(schools, (row) => row['LA (code)']!)).map(([code, count]) => [
        code,
        {
          schools: count,
          teachingSchools: countBy(teaching, (row) => row['LA (code)']!)[code] ?? 0,
          outstandingSchools: countBy(outstanding, (row) => row['LA (code)']!)[code] ?? 0,
        },
      ]),
    );
    const authorities = [...response.data!.localAuthorities.edges, ...response.data!.more.edges].map((edge: any) => [
      edge.node.code,
      edge.node.coverage,
    ]);
    expect(Object.fromEntries(authorities)).toEqual(expectAuthorities);
  });

  it('finds only City of London, Scilly and Wight with no teaching school, and who could designate', async () => {
    const response = await graphql(
      `{ coverageGaps(filter: { kinds: [NO_TEACHING_SCHOOL] }) { totalCount edges { node
        { localAuthority { code name } kinds coverage { untappedOutstanding } } } } }`,
    );

    const gaps = response.data?.coverageGaps.edges.map((edge: any) => edge.node);
    expect(gaps.map((gap: any) => gap.localAuthority.code).sort()).toEqual(['201', '420', '921']);
    for (const gap of gaps) {
      const outstandingThere = schools.filter(
        (row) => row['LA (code)'] === gap.localAuthority.code && row['OfstedRating (name)'] === 'Outstanding',
      ).length;
      expect(gap.coverage.untappedOutstanding).toBe(outstandingThere);
    }
    const hardest = await graphql(
      `{ coverageGaps(filter: { kinds: [NO_TEACHING_SCHOOL_NO_OUTSTANDING]
        }) { edges { node { localAuthority { code } } } } }`,
    );
    const expectedHardest = gaps
      .filter((gap: any) => gap.coverage.untappedOutstanding === 0)
      .map((gap: any) => gap.localAuthority.code);
    expect(hardest.data?.coverageGaps.edges.map((edge: any) => edge.node.localAuthority.code)).toEqual(expectedHardest);
  });

  it('reports low density and phase gaps, worst first', async () => {
    const response = await graphql(
      `{ coverageGaps(filter: { kinds: [LOW_DENSITY], minDensity: 2 }, first: 100) { totalCount edges { node { coverage
        { density } } } } phase: coverageGaps(filter: { kinds: [PHASE_GAP], phases: [SECONDARY] }, first: 1) { edges {
        node { gapPhases } } } }`,
    );

    const densities = response.data?.coverageGaps.edges.map((edge: any) => edge.node.coverage.density);
    expect(densities.length).toBeGreaterThan(0);
    expect(densities.every((density: number) => density < 2)).toBe(true);
    expect([...densities].sort((left: number, right: number) => left - right)).toEqual(densities);
    expect(response.data?.phase.edges[0].node.gapPhases).toEqual(['SECONDARY']);
  });

  it('defaults LOW_DENSITY to below national density and PHASE_GAP to primary and secondary', async () => {
    const response = await graphql(
      `{ nationalCoverage { density } low: coverageGaps(filter: { kinds: [LOW_DENSITY] }, first: 100) { totalCount edges
        { node { coverage { density } } } } phase: coverageGaps(filter: { kinds: [PHASE_GAP] }, first: 100) { totalCount
        edges { node { gapPhases } } } }`,
    );

    const national = response.data?.nationalCoverage.density;
    const densities = response.data?.low.edges.map((edge: any) => edge.node.coverage.density);
    expect(response.data?.low.totalCount).toBeGreaterThan(10);
    expect(densities.every((density: number) => density < national)).toBe(true);
    const phases = new Set(response.data?.phase.edges.flatMap((edge: any) => edge.node.gapPhases));
    expect([...phases].every((phase) => phase === 'PRIMARY' || phase === 'SECONDARY')).toBe(true);
    expect(response.data?.phase.totalCount).toBeLessThan(100);
  });

  it('shows secondary schools over-represented among teaching schools and primary under-represented', async () => {
    const response = await graphql('{ representation { phase ratio shareOfSchools shareOfTeachingSchools } }');

    const byPhase = Object.fromEntries(response.data?.representation.map((row: any) => [row.phase, row.ratio]));
    expect(byPhase.SECONDARY).toBeGreaterThan(1);
    expect(byPhase.PRIMARY).toBeLessThan(1);
  });

  it('lists untapped outstanding schools as many as coverage counts', async () => {
    const response = await graphql(
      `{ untappedOutstandingSchools(filter: { localAuthority: "201" }) { totalCount edges { node { urn ofstedRating
        designation { status } } } } localAuthority(code: "201") { coverage { untappedOutstanding } } }`,
    );

    const list = response.data?.untappedOutstandingSchools;
    expect(list.totalCount).toBe(response.data?.localAuthority.coverage.untappedOutstanding);
    expect(list.edges).toHaveLength(list.totalCount);
    expect(
      list.edges.every((edge: any) => edge.node.ofstedRating === 'OUTSTANDING' && edge.node.designation === null),
    ).toBe(true);
  });

  it('answers national, regional, RSC and authority coverage, by phase, in one DynamoDB request', async () => {
    await graphql(
      `{ nationalCoverage { ${COVERAGE} } regions { coverage { ${COVERAGE} } } rscRegions { name coverage
        { ${COVERAGE} } } localAuthorities(first: 100) { edges { node { coverage { ${COVERAGE} } } } } }`,
    );

    expect(requests.byOperation).toEqual({ Query: 1 });
  });

  it('finds no drift between kept coverage and the schools and alliances after the import', async () => {
    const result = await auditCoverage(store);

    expect(result).toMatchObject({ schoolsRead: 24_953, alliancesRead: 635, drift: [] });
  });
});
