import { beforeEach, describe, expect, it } from 'vitest';
import { distanceKm, squaresWithin } from '../../src/domain/grid.js';
import { importEstablishments } from '../../src/import/importer.js';
import { schoolsWithin } from '../../src/store/places.js';
import { GIAS_HEADER, giasRow, writeCsv } from '../support/fixtures.js';
import { graphqlClient } from '../support/graphql.js';
import { shippedEstablishments, shippedTeachingSchools } from '../support/shipped-file.js';
import { emptyStore, shippedStore } from '../support/store.js';

const { store, requests } = shippedStore();
const graphql = graphqlClient(store);

const SEARCH = `query ($query: String!, $filter: SchoolFilter, $first: Int, $after: String) {
  searchSchools(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount edges { matchedBy node { urn name } } pageInfo { hasNextPage endCursor }
  }
}`;

const NEAR = `query ($near: PlaceInput!, $withinKm: Float!, $filter: SchoolFilter, $first: Int) {
  schoolsNear(near: $near, withinKm: $withinKm, filter: $filter, first: $first) {
    totalCount edges { distanceKm node { urn name } }
  }
}`;

/** Teaching schools within a distance of a grid point, nearest first, worked out from the shipped files alone. */
function teachingSchoolsNearFromFiles(
  centre: { easting: number; northing: number },
  withinKm: number,
): { urn: string; distanceKm: number }[] {
  const listed = new Set(shippedTeachingSchools().map((row) => row.URN!.trim()));
  return shippedEstablishments()
    .filter((row) => listed.has(row.URN!) && row.Easting)
    .map((row) => ({
      urn: row.URN!,
      distanceKm:
        Math.round(Math.hypot(Number(row.Easting) - centre.easting, Number(row.Northing) - centre.northing)) / 1000,
    }))
    .filter((school) => school.distanceKm <= withinKm)
    .sort((left, right) => left.distanceKm - right.distanceKm || left.urn.localeCompare(right.urn));
}

/** Where The Aldgate School is, on the grid. */
const ALDGATE = { easting: 533498, northing: 181201 };

beforeEach(() => requests.reset());

describe('finding schools by name and number on the shipped registry', () => {
  it('puts The Aldgate School first for "aldgate", and finds it by a prefix of its name', async () => {
    const whole = await graphql(SEARCH, { query: 'aldgate' });
    const prefix = await graphql(SEARCH, { query: 'ALDG' });

    expect(whole.data?.searchSchools.edges[0]).toEqual({
      matchedBy: 'NAME_WORDS',
      node: { urn: '100000', name: 'The Aldgate School' },
    });
    expect(prefix.data?.searchSchools.edges.map((edge: any) => edge.node.urn)).toContain('100000');
  });

  it('finds a school by its URN and by its LAESTAB, saying so', async () => {
    const byUrn = await graphql(SEARCH, { query: '100000' });
    const byLaestab = await graphql(SEARCH, { query: '2013614' });

    expect(byUrn.data?.searchSchools.edges).toEqual([
      { matchedBy: 'URN', node: { urn: '100000', name: 'The Aldgate School' } },
    ]);
    expect(byLaestab.data?.searchSchools.edges).toEqual([
      { matchedBy: 'LAESTAB', node: { urn: '100000', name: 'The Aldgate School' } },
    ]);
  });

  it('finds St Mary\'s in Derby for "st marys", not Primary schools whose names merely contain "mary"', async () => {
    const response = await graphql(SEARCH, { query: 'st marys', filter: { localAuthority: '831' } });

    expect(response.data?.searchSchools).toMatchObject({
      totalCount: 1,
      edges: [
        { matchedBy: 'NAME_START', node: { urn: '112916', name: "St Mary's Catholic Primary School and Nursery" } },
      ],
    });
  });

  it('ignores case, accents, punctuation and St/St./Saint, and ranks an exact name first', async () => {
    const spellings = [
      "ST. MARY'S CATHOLIC PRIMARY SCHOOL AND NURSERY",
      'saint marys catholic primary school and nursery',
    ];

    const responses = await Promise.all(
      spellings.map((query) => graphql(SEARCH, { query, filter: { localAuthority: '831' } })),
    );

    for (const response of responses) {
      expect(response.data?.searchSchools.edges).toEqual([
        { matchedBy: 'EXACT_NAME', node: { urn: '112916', name: "St Mary's Catholic Primary School and Nursery" } },
      ]);
    }
  });

  it('ranks names starting with the query before names that only contain its words', async () => {
    const response = await graphql(SEARCH, { query: 'st marys', first: 100 });

    const kinds = response.data?.searchSchools.edges.map((edge: any) => edge.matchedBy) as string[];
    expect(kinds[0]).toBe('NAME_START');
    expect(kinds.lastIndexOf('NAME_START')).toBeLessThan(
      kinds.indexOf('NAME_WORDS') === -1 ? Infinity : kinds.indexOf('NAME_WORDS'),
    );
    expect(response.data?.searchSchools.totalCount).toBeGreaterThan(100);
    expect(response.data?.searchSchools.pageInfo.hasNextPage).toBe(true);
  });

  it('applies the usual filter: teaching schools only', async () => {
    const response = await graphql(
      `{ searchSchools(query: "st marys", filter: { isTeachingSchool: true
        }, first: 100) { edges { node { name designation { status } } } } }`,
    );

    const edges = response.data?.searchSchools.edges as {
      node: { name: string; designation: { status: string } | null };
    }[];
    expect(edges.length).toBeGreaterThan(0);
    for (const { node } of edges) {
      expect(node.designation?.status).toMatch(/^(DESIGNATED|UNDER_REVIEW)$/);
      expect(node.name).toMatch(/\b(st\.?|saint) mary'?s\b/i);
    }
  });

  it('pages on from a cursor without repeating a school', async () => {
    const first = await graphql(SEARCH, { query: 'st marys', first: 10 });
    const second = await graphql(SEARCH, {
      query: 'st marys',
      first: 10,
      after: first.data?.searchSchools.pageInfo.endCursor,
    });

    const firstUrns = first.data?.searchSchools.edges.map((edge: any) => edge.node.urn) as string[];
    const secondUrns = second.data?.searchSchools.edges.map((edge: any) => edge.node.urn) as string[];
    expect(secondUrns).toHaveLength(10);
    expect(secondUrns.filter((urn) => firstUrns.includes(urn))).toEqual([]);
  });

  it('finds nothing for nonsense, with no error', async () => {
    const response = await graphql(SEARCH, { query: 'zzqxv wobblefrump' });

    expect(response.errors).toBeUndefined();
    expect(response.data?.searchSchools).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('costs one Query per looked-up word and one BatchGetItem for the page; a URN one GetItem', async () => {
    await graphql(SEARCH, { query: 'st marys catholic', first: 20 });
    const byName = requests.byOperation;
    requests.reset();
    await graphql(SEARCH, { query: '100000' });
    const byUrn = requests.byOperation;

    expect(byName).toEqual({ Query: 1, BatchGetItem: 1 });
    expect(byUrn).toEqual({ GetItem: 1 });
  });

  it('refuses a query with no usable word, naming query, without a DynamoDB request', async () => {
    for (const query of ['', '   ', "'.-", 'a']) {
      const response = await graphql(SEARCH, { query });

      expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'query' } });
    }
    expect(requests.total).toBe(0);
  });

  it('finds local authorities by name words as well as by code', async () => {
    const response = await graphql(`{
      byName: localAuthorities(filter: { name: "tower ham" }) { edges { node { code name } } }
      byCode: localAuthorities(filter: { name: "831" }) { edges { node { code name } } }
    }`);

    expect(response.data?.byName.edges).toEqual([{ node: { code: '211', name: 'Tower Hamlets' } }]);
    expect(response.data?.byCode.edges).toEqual([{ node: { code: '831', name: 'Derby' } }]);
  });
});

describe('finding schools by place on the shipped registry', () => {
  it("gives a school's location on the grid and in latitude and longitude", async () => {
    const response = await graphql('{ school(urn: "100000") { location { easting northing latitude longitude } } }');

    expect(response.data?.school.location).toEqual({ ...ALDGATE, latitude: 51.51397, longitude: -0.07753 });
  });

  it('lists the teaching schools within 2 km of The Aldgate School, nearest first, with their distances', async () => {
    const expected = teachingSchoolsNearFromFiles(ALDGATE, 2);

    const response = await graphql(NEAR, {
      near: { urn: '100000' },
      withinKm: 2,
      filter: { isTeachingSchool: true },
      first: 100,
    });

    const found = response.data?.schoolsNear.edges.map((edge: any) => ({
      urn: edge.node.urn,
      distanceKm: edge.distanceKm,
    }));
    expect(expected.length).toBeGreaterThan(0);
    expect(found).toEqual(expected);
    expect(response.data?.schoolsNear.totalCount).toBe(expected.length);
  });

  it('answers the same for the point given by latitude and longitude, and by easting and northing', async () => {
    const byUrn = await graphql(NEAR, { near: { urn: '100000' }, withinKm: 2, filter: { isTeachingSchool: true } });
    const byLatLong = await graphql(NEAR, {
      near: { latLong: { latitude: 51.51397, longitude: -0.07753 } },
      withinKm: 2,
      filter: { isTeachingSchool: true },
    });
    const byGrid = await graphql(NEAR, { near: { grid: ALDGATE }, withinKm: 2, filter: { isTeachingSchool: true } });

    const urns = (response: typeof byUrn) => response.data?.schoolsNear.edges.map((edge: any) => edge.node.urn);
    expect(urns(byLatLong)).toEqual(urns(byUrn));
    expect(urns(byGrid)).toEqual(urns(byUrn));
  });

  it('reads one school, its 10 km grid squares in one request and one page of schools within 25 km', async () => {
    const response = await graphql(NEAR, { near: { urn: '100000' }, withinKm: 25, first: 100 });

    expect(response.data?.schoolsNear.totalCount).toBeGreaterThan(3000);
    expect(requests.byOperation).toEqual({ GetItem: 1, BatchGetItem: 2 });
  });

  it('reads the grid squares within 50 km (101 of them here) in two requests', async () => {
    const centre = { easting: 305_000, northing: 505_000 };

    await graphql(NEAR, { near: { grid: centre }, withinKm: 50, first: 100 });

    expect(squaresWithin(centre, 50_000)).toHaveLength(101);

    expect(requests.byOperation).toEqual({ BatchGetItem: 3 });
  });

  it('gives each school found its point on the grid, reading consistently when asked', async () => {
    const found = await schoolsWithin(store, ALDGATE, 2, { consistent: true });

    expect(found[0]).toMatchObject({ urn: '100000', distanceKm: 0, ...ALDGATE, laCode: '201' });
    expect(found.every((school) => distanceKm(ALDGATE, school) === school.distanceKm)).toBe(true);
  });

  it('refuses bad places and distances, naming the argument, with no read beyond what says so', async () => {
    const cases: [Record<string, unknown>, number, string, number][] = [
      [{ urn: '100000' }, 0, 'withinKm', 0],
      [{ urn: '100000' }, 500, 'withinKm', 0],
      [{ urn: '100000', grid: ALDGATE }, 2, 'near', 0],
      [{}, 2, 'near', 0],
      [{ urn: '12' }, 2, 'near.urn', 0],
      [{ latLong: { latitude: 40, longitude: -0.07 } }, 2, 'near.latLong', 0],
      [{ urn: '999999' }, 2, 'near.urn', 1],
    ];
    for (const [near, withinKm, field, reads] of cases) {
      requests.reset();

      const response = await graphql(NEAR, { near, withinKm });

      expect(response.errors?.[0], `${JSON.stringify(near)} ${withinKm}`).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field },
      });
      expect(requests.total).toBe(reads);
    }
  });
});

describe('an import that renames or moves a school', () => {
  it('is answered by the new name and place only', async () => {
    const { store: fresh } = await emptyStore();
    const client = graphqlClient(fresh);
    const old = {
      URN: '900001',
      EstablishmentName: 'Quillfeather Primary School',
      Easting: '533498',
      Northing: '181201',
    };
    const others = [
      giasRow({ URN: '900002', EstablishmentName: 'Quillfeather Infants' }),
      giasRow({ URN: '900017', EstablishmentName: 'Quillfeather Juniors' }),
    ];
    await importEstablishments(fresh, writeCsv(GIAS_HEADER, [giasRow(old), ...others]));
    const before = await client(SEARCH, { query: 'quillfeather' });

    await importEstablishments(
      fresh,
      writeCsv(GIAS_HEADER, [
        giasRow({ ...old, EstablishmentName: 'Harrowgate Primary School', Easting: '393000', Northing: '565000' }),
        ...others,
      ]),
    );

    const byOldName = await client(SEARCH, { query: 'quillfeather primary' });
    const byNewName = await client(SEARCH, { query: 'harrowgate' });
    const nearOldPlace = await client(NEAR, { near: { grid: { easting: 533498, northing: 181201 } }, withinKm: 1 });
    const nearNewPlace = await client(NEAR, { near: { grid: { easting: 393000, northing: 565000 } }, withinKm: 1 });
    expect(before.data?.searchSchools.edges.map((edge: any) => edge.node.urn)).toEqual(['900002', '900017', '900001']);
    expect(byOldName.data?.searchSchools.edges).toEqual([]);
    expect(byNewName.data?.searchSchools.edges).toEqual([
      { matchedBy: 'NAME_START', node: { urn: '900001', name: 'Harrowgate Primary School' } },
    ]);
    expect(nearOldPlace.data?.schoolsNear.edges.map((edge: any) => edge.node.urn)).toEqual(['900002', '900017']);
    expect(nearNewPlace.data?.schoolsNear.edges).toEqual([
      { distanceKm: 0, node: { urn: '900001', name: 'Harrowgate Primary School' } },
    ]);
  });
});

describe('designations and inspections of schools in one grid square', () => {
  it('are all found by place when made at once: no change loses another', async () => {
    const { store: fresh } = await emptyStore();
    const client = graphqlClient(fresh);
    const urns = Array.from({ length: 8 }, (_, index) => String(900_001 + index));
    await importEstablishments(
      fresh,
      writeCsv(
        GIAS_HEADER,
        urns.map((urn, index) => giasRow({ URN: urn, Easting: String(533_000 + index * 100), Northing: '181201' })),
      ),
    );
    const designate = `mutation ($urn: String!) {
      designateTeachingSchool(input: { urn: $urn, cohort: 1 }) { userErrors { code } }
    }`;
    const inspect = `mutation ($urn: String!) {
      recordOfstedInspection(input: { urn: $urn, rating: GOOD, inspectedOn: "2019-01-10" }) { userErrors { code } }
    }`;

    const responses = await Promise.all(
      urns.map((urn, index) => client(index % 2 === 0 ? designate : inspect, { urn })),
    );

    const payloads = responses.map((response) => Object.values(response.data ?? {})[0] as any);
    expect(payloads.map((payload) => payload?.userErrors)).toEqual(urns.map(() => []));
    const near = async (filter: Record<string, unknown>) => {
      const response = await client(NEAR, { near: { grid: ALDGATE }, withinKm: 2, filter });
      return response.data?.schoolsNear.edges.map((edge: any) => edge.node.urn).sort();
    };
    expect(await near({ isTeachingSchool: true })).toEqual(urns.filter((_, index) => index % 2 === 0));
    expect(await near({ ofstedRating: 'GOOD' })).toEqual(urns.filter((_, index) => index % 2 === 1));
  });
});
