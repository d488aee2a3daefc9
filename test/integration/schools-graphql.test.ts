import { beforeEach, describe, expect, inject, it } from 'vitest';
import { GOR_REGIONS } from '../../src/domain/region.js';
import { graphqlClient, type GraphqlResponse } from '../support/graphql.js';
import { countBy, shippedEstablishments } from '../support/shipped-file.js';
import { shippedStore } from '../support/store.js';

type SchoolsOfAuthority = {
  localAuthority: {
    schools: { edges: { node: { urn: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
  };
};

const { store, requests } = shippedStore();
const graphql = graphqlClient(store);
const file = shippedEstablishments();

beforeEach(() => requests.reset());

describe('the shipped 2018 registry through GraphQL', () => {
  it('was imported with every school, 799 teaching schools and the 9 unknown URNs reported', () => {
    const [establishments, teachingSchools] = inject('shippedImport').reports;

    expect(establishments).toMatchObject({ read: 24_953, written: 24_953, rejected: [] });
    expect(teachingSchools?.read).toBe(808);
    expect(teachingSchools?.written).toBe(799);
    expect(
      teachingSchools?.rejected.map((rejection) => rejection.reason.match(/^URN (\d{6}) is not in the registry/)?.[1]),
    ).toEqual(['112609', '102719', '101003', '105266', '106335', '113540', '124311', '121376', '121294']);
    expect(inject('shippedImport').totals).toEqual({ schools: 24_953, teachingSchools: 799, localAuthorities: 152 });
  });

  it('answers a school by URN with its local authority', async () => {
    const response = await graphql(
      `{ school(urn: "100000") { name localAuthority { code name } region {
        name } phase ofstedRating lastInspectedOn designation { status } } }`,
    );

    expect(response.data?.school).toEqual({
      name: 'The Aldgate School',
      localAuthority: { code: '201', name: 'City of London' },
      region: { name: 'London' },
      phase: 'PRIMARY',
      ofstedRating: 'OUTSTANDING',
      lastInspectedOn: '2013-04-19',
      designation: null,
    });
  });

  it('answers null for a well-formed URN nobody has, and a named error for a malformed one', async () => {
    const unknown = await graphql('{ school(urn: "999999") { name } }');
    const malformed = await graphql('{ school(urn: "12AB") { name } }');

    expect(unknown.data?.school).toBeNull();
    expect(malformed.errors?.[0]).toMatchObject({
      message: expect.stringContaining('6-digit URN'),
      extensions: { code: 'BAD_USER_INPUT', field: 'urn' },
    });
  });

  it('totals schools per region as the shipped file does', async () => {
    const expected = countBy(file, (row) => row['GOR (name)']!);
    const query = Object.keys(GOR_REGIONS)
      .map((code) => `${code}: schools(filter: { region: ${code} }, first: 0) { totalCount }`)
      .join('\n');

    const response = await graphql(`{ ${query} }`);

    const totals = Object.fromEntries(
      Object.entries(GOR_REGIONS).map(([code, name]) => [name, response.data?.[code].totalCount]),
    );
    expect(totals).toEqual(expected);
  });

  it('totals schools per phase and rating within a local authority as the shipped file does', async () => {
    const derby = file.filter((row) => row['LA (code)'] === '831');
    const expectedPrimaryGood = derby.filter(
      (row) => row['PhaseOfEducation (name)'] === 'Primary' && row['OfstedRating (name)'] === 'Good',
    ).length;

    const response = await graphql(
      `{ all: schools(filter: { localAuthority: "831" }, first: 0) { totalCount } good: schools(filter:
        { localAuthority: "831", phase: PRIMARY, ofstedRating: GOOD }, first: 0) { totalCount } }`,
    );

    expect(response.data).toEqual({ all: { totalCount: derby.length }, good: { totalCount: expectedPrimaryGood } });
  });

  it('pages through a local authority that spans two regions, listing each school once', async () => {
    const expected = file
      .filter((row) => row['LA (code)'] === '873')
      .map((row) => row.URN)
      .sort();
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const response: GraphqlResponse<SchoolsOfAuthority> = await graphql<SchoolsOfAuthority>(
        `query ($after: String) { localAuthority(code: "873") { schools(first: 100, after:
          $after) { edges { node { urn } } pageInfo { hasNextPage endCursor } } } }`,
        { after },
      );
      const schools: SchoolsOfAuthority['localAuthority']['schools'] = response.data!.localAuthority.schools;
      seen.push(...schools.edges.map((edge) => edge.node.urn));
      if (!schools.pageInfo.hasNextPage) break;
      after = schools.pageInfo.endCursor;
    }

    expect(seen.sort()).toEqual(expected);
  });

  it('serves a page of 100 schools with their local authorities in one DynamoDB request, not a hundred', async () => {
    const query =
      '{ schools(first: 100) { edges { node { urn name localAuthority { code name region { name } } } } } }';
    await graphql(query);
    requests.reset();

    const response = await graphql(query);

    expect(response.data?.schools.edges).toHaveLength(100);
    expect(requests.byOperation).toEqual({ Query: 1 });
  });

  it('answers a school and its local authority in one DynamoDB request once the authorities are known', async () => {
    const query = '{ school(urn: "100000") { name localAuthority { code name } } }';
    const first = await graphql(query);
    const firstRequests = requests.total;
    requests.reset();

    const second = await graphql(query);

    expect(second.data).toEqual({
      school: { name: 'The Aldgate School', localAuthority: { code: '201', name: 'City of London' } },
    });
    expect(second.data).toEqual(first.data);
    expect(firstRequests).toBeLessThanOrEqual(3);
    expect(requests.byOperation).toEqual({ GetItem: 1 });
  });

  it('lists the 799 teaching schools, and those of one local authority', async () => {
    const expectedDerby = 6;

    const response = await graphql(
      `{ all: teachingSchools(first: 5) { totalCount edges { node { designation { status } } } } derby:
        teachingSchools(filter: { localAuthority: "831" }) { totalCount edges { node { urn } } } }`,
    );

    expect(response.data?.all.totalCount).toBe(799);
    expect(response.data?.all.edges.every((edge: any) => edge.node.designation.status === 'DESIGNATED')).toBe(true);
    expect(response.data?.derby.totalCount).toBe(expectedDerby);
    expect(response.data?.derby.edges).toHaveLength(response.data?.derby.totalCount);
  });

  it('lists regions with their local authorities, 152 in all', async () => {
    const response = await graphql(
      '{ regions { code name localAuthorities(first: 100) { totalCount } } localAuthorities(first: 1) { totalCount } }',
    );

    expect(response.data?.regions).toHaveLength(9);
    expect(
      response.data?.regions.reduce((sum: number, region: any) => sum + region.localAuthorities.totalCount, 0),
    ).toBe(152);
    expect(response.data?.localAuthorities.totalCount).toBe(152);
  });

  it.each([
    ['first over 100', '{ schools(first: 101) { totalCount } }', 'first'],
    ['a negative first', '{ schools(first: -1) { totalCount } }', 'first'],
    [
      'a cursor from another list',
      `{ schools(after: "${Buffer.from('["localAuthorities:ALL",3]').toString('base64url')}") { totalCount } }`,
      'after',
    ],
    ['a malformed LA code', '{ schools(filter: { localAuthority: "Derby" }) { totalCount } }', 'filter.localAuthority'],
  ])('refuses %s with an error naming the argument', async (_what, query, field) => {
    const response = await graphql(query);

    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a cursor reused under another filter', async () => {
    const first = await graphql('{ schools(filter: { region: LONDON }, first: 1) { pageInfo { endCursor } } }');

    const response = await graphql(
      'query ($after: String) { schools(filter: { region: NORTH_EAST }, after: $after) { totalCount } }',
      {
        after: first.data?.schools.pageInfo.endCursor,
      },
    );

    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
