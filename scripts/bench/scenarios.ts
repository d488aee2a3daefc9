import type { GraphqlRequest } from './invoke.js';

/** What a scenario may use while it prepares: GraphQL through the same handler, untimed and uncounted. */
export interface BenchContext {
  /** Sends a request and returns its data; throws on any error or user error. */
  graphql: (query: string, variables?: Record<string, unknown>) => Promise<Record<string, any>>;
}

/** One row of the benchmark table: an operation sent through the Lambda handler, run after run. */
export interface Scenario {
  /** The row's name. */
  name: string;
  /** Timed runs. A write needs a fresh target each run, so writes take fewer. */
  runs: number;
  /**
   * Reads or writes what the runs need (ids, URNs, members) before timing starts, and returns the request of
   * each run. `total` is how many runs there will be, warm-ups included; run numbers go from 0 to total - 1.
   */
  prepare: (bench: BenchContext, total: number) => Promise<(run: number) => GraphqlRequest>;
}

const SCHOOL_BY_URN = `query ($urn: String!) {
  school(urn: $urn) {
    urn name phase ofstedRating lastInspectedOn localAuthority { code name } region { name } designation { status }
  }
}`;

const PAGE_OF_SCHOOLS = `{
  schools(first: 100) {
    edges { node { urn name phase localAuthority { code name } } } pageInfo { hasNextPage endCursor }
  }
}`;

const ALLIANCE_WITH_MEMBERS = `query ($id: ID!) {
  alliance(id: $id) {
    name type
    leads { urn name localAuthority { name } }
    members(first: 50) { totalCount edges { node { role joinedOn school { urn name } } } }
  }
}`;

const NATIONAL_REACH =
  '{ nationalCoverage { reach { schools unknown medianKm farthestKm bands { fromKm schools } asOf } } }';

const REMOTE_SCHOOLS =
  '{ remoteSchools { edges { node { urn name } nearestTeachingSchool { distanceKm school { urn } } } } }';

const DESIGNATE = `mutation ($urn: String!, $on: Date!) {
  designateTeachingSchool(input: { urn: $urn, cohort: 9, designatedOn: $on }) {
    school { urn designation { status } } userErrors { code }
  }
}`;

const RECORD_INSPECTION = `mutation ($urn: String!, $on: Date!) {
  recordOfstedInspection(input: { urn: $urn, rating: OUTSTANDING, inspectedOn: $on }) {
    school { urn ofstedRating } review { id } userErrors { code }
  }
}`;

const COVERAGE = `schools teachingSchools underReview outstandingSchools untappedOutstanding alliances density
  byPhase { phase schools teachingSchools untappedOutstanding }`;

/** National coverage with every region, RSC region and local authority (two pages of 100), by phase. */
const NATIONAL_COVERAGE = `query ($after: String) {
  nationalCoverage { ${COVERAGE} }
  regions { name coverage { ${COVERAGE} } }
  rscRegions { name coverage { ${COVERAGE} } }
  first: localAuthorities(first: 100) { edges { node { code name coverage { ${COVERAGE} } } } }
  rest: localAuthorities(first: 100, after: $after) { edges { node { code name coverage { ${COVERAGE} } } } }
}`;

const COVERAGE_GAPS = `{
  coverageGaps(filter: { minDensity: 2 }, first: 100) {
    totalCount
    edges { node {
      localAuthority { code name } kinds gapPhases coverage { schools teachingSchools untappedOutstanding density }
    } }
  }
}`;

const SEARCH = `query ($query: String!) {
  searchSchools(query: $query, first: 20) { totalCount edges { matchedBy node { urn name } } }
}`;

/**
 * A place search by URN: the school's item, then the 10 km grid squares the circle reaches (one BatchGetItem, each
 * square one item with its schools packed in one attribute), then the page's schools (one BatchGetItem).
 */
const NEAR = `query ($urn: String!, $withinKm: Float!) {
  schoolsNear(near: { urn: $urn }, withinKm: $withinKm, first: 20) { totalCount edges { distanceKm node { urn name } } }
}`;

/** Places to search near: The Aldgate School (City of London) and Kielder Primary School (rural Northumberland). */
const NEAR_PLACES = [
  { label: 'a London school (100000)', urn: '100000' },
  { label: 'a rural Northumberland school (122233, Kielder)', urn: '122233' },
];

/** The Derby Teaching Schools Alliance, led by 136360 among others. */
const ALLIANCE_LEAD = '136360';
const MEMBERS = 50;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Open schools that are not teaching schools, with the given latest rating, `count` of them: each write
 * changes a school of its own.
 */
async function openSchools(bench: BenchContext, rating: string, count: number): Promise<string[]> {
  const urns: string[] = [];
  let after: string | null = null;
  while (urns.length < count) {
    const { schools } = await bench.graphql(
      `query ($after: String) {
        schools(filter: { ofstedRating: ${rating}, isTeachingSchool: false }, first: 100, after: $after) {
        edges { node { urn status } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    urns.push(...schools.edges.filter((edge: any) => edge.node.status === 'OPEN').map((edge: any) => edge.node.urn));
    if (!schools.pageInfo.hasNextPage) break;
    after = schools.pageInfo.endCursor;
  }
  if (urns.length < count)
    throw new Error(
      `Only ${urns.length} open ${rating} schools that are not teaching schools; the benchmark needs ${count}`,
    );
  return urns.slice(0, count);
}

/** The alliance 136360 leads, with 50 partner schools of its local authority added as members. */
async function allianceWithMembers(bench: BenchContext): Promise<string> {
  const { school } = await bench.graphql(
    `{ school(urn: "${ALLIANCE_LEAD}") { localAuthority { code } leadsAlliance { id } } }`,
  );
  const { schools } = await bench.graphql(
    `{ schools(filter: { localAuthority: "${school.localAuthority.code}", isTeachingSchool: false },
      first: ${MEMBERS}) {
      edges { node { urn } } } }`,
  );
  if (schools.edges.length < MEMBERS)
    throw new Error(
      `Local authority ${school.localAuthority.code} has only ${schools.edges.length} schools to add as members`,
    );
  for (const edge of schools.edges) {
    await bench.graphql(
      'mutation ($input: AddAllianceMemberInput!) { addAllianceMember(input: $input) { userErrors { code } } }',
      {
        input: { allianceId: school.leadsAlliance.id, urn: edge.node.urn, role: 'MEMBER', joinedOn: '2017-09-01' },
      },
    );
  }
  return school.leadsAlliance.id;
}

/** The benchmark's rows, in order. Add a row by adding an entry. */
export const SCENARIOS: Scenario[] = [
  {
    name: 'School by URN',
    runs: 200,
    prepare: async () => () => ({ query: SCHOOL_BY_URN, variables: { urn: '100000' } }),
  },
  {
    name: 'Page of 100 schools with their local authorities',
    runs: 200,
    prepare: async () => () => ({ query: PAGE_OF_SCHOOLS }),
  },
  {
    name: `Alliance with its leads and ${MEMBERS} members`,
    runs: 200,
    prepare: async (bench) => {
      const id = await allianceWithMembers(bench);
      return () => ({ query: ALLIANCE_WITH_MEMBERS, variables: { id } });
    },
  },
  {
    name: 'National coverage with every region, RSC region and LA, by phase',
    runs: 200,
    prepare: async (bench) => {
      const { localAuthorities } = await bench.graphql('{ localAuthorities(first: 100) { pageInfo { endCursor } } }');
      return () => ({ query: NATIONAL_COVERAGE, variables: { after: localAuthorities.pageInfo.endCursor } });
    },
  },
  {
    name: 'Coverage gaps (every kind, density below 2)',
    runs: 200,
    prepare: async () => () => ({ query: COVERAGE_GAPS }),
  },
  {
    name: "National reach: every school's distance to a teaching school, with the median",
    runs: 200,
    prepare: async () => () => ({ query: NATIONAL_REACH }),
  },
  {
    name: 'Remote schools: the 20 farthest from a teaching school',
    runs: 200,
    prepare: async () => () => ({ query: REMOTE_SCHOOLS }),
  },
  {
    name: 'Search schools by one word ("aldgate")',
    runs: 200,
    prepare: async () => () => ({ query: SEARCH, variables: { query: 'aldgate' } }),
  },
  {
    name: 'Search schools by two words ("st marys")',
    runs: 200,
    prepare: async () => () => ({ query: SEARCH, variables: { query: 'st marys' } }),
  },
  {
    name: 'Search schools by URN ("100000")',
    runs: 200,
    prepare: async () => () => ({ query: SEARCH, variables: { query: '100000' } }),
  },
  ...NEAR_PLACES.flatMap(({ label, urn }) =>
    [5, 25].map((withinKm) => ({
      name: `Schools within ${withinKm} km of ${label}`,
      runs: 200,
      prepare: async () => () => ({ query: NEAR, variables: { urn, withinKm } }),
    })),
  ),
  {
    name: 'Designate a teaching school',
    runs: 50,
    prepare: async (bench, total) => {
      const urns = await openSchools(bench, 'OUTSTANDING', total);
      return (run) => ({ query: DESIGNATE, variables: { urn: urns[run], on: today() } });
    },
  },
  {
    name: 'Record an Ofsted inspection',
    runs: 50,
    prepare: async (bench, total) => {
      const urns = await openSchools(bench, 'GOOD', total);
      return (run) => ({ query: RECORD_INSPECTION, variables: { urn: urns[run], on: today() } });
    },
  },
];
