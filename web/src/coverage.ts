import { request } from './api';
import { graphql } from './gql';
import type { CoverageFieldsFragment } from './gql/graphql';

graphql(`
  fragment CoverageFields on Coverage {
    schools
    teachingSchools
    underReview
    outstandingSchools
    untappedOutstanding
    alliances
    density
    byPhase {
      phase
      schools
      teachingSchools
      outstandingSchools
      untappedOutstanding
    }
  }
`);

const LocalAuthoritiesCoverage = graphql(`
  query LocalAuthoritiesCoverage($after: String) {
    localAuthorities(first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          code
          name
          region {
            code
            name
          }
          coverage {
            ...CoverageFields
          }
        }
      }
    }
  }
`);

const TeachingSchoolPoints = graphql(`
  query TeachingSchoolPoints($after: String, $localAuthority: String) {
    teachingSchools(first: 100, after: $after, filter: { localAuthority: $localAuthority }) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          urn
          phase
          easting
          northing
        }
      }
    }
  }
`);

export type Coverage = CoverageFieldsFragment;

export interface LocalAuthorityCoverage {
  code: string;
  name: string;
  region: { code: string; name: string };
  coverage: Coverage;
}

/** Every local authority with its coverage (two pages of 100). */
export async function allLocalAuthorities(): Promise<LocalAuthorityCoverage[]> {
  const all: LocalAuthorityCoverage[] = [];
  let after: string | null | undefined;
  do {
    const { localAuthorities } = await request(LocalAuthoritiesCoverage, { after });
    all.push(...localAuthorities.edges.map((edge) => edge.node));
    after = localAuthorities.pageInfo.hasNextPage ? localAuthorities.pageInfo.endCursor : null;
  } while (after);
  return all;
}

export interface TeachingSchoolPoint {
  urn: string;
  phase: string;
  easting: number;
  northing: number;
}

/** Current teaching schools with a known location, nationally or in one local authority. */
export async function teachingSchoolPoints(localAuthority?: string): Promise<TeachingSchoolPoint[]> {
  const all: TeachingSchoolPoint[] = [];
  let after: string | null | undefined;
  do {
    const { teachingSchools } = await request(TeachingSchoolPoints, { after, localAuthority });
    for (const { node } of teachingSchools.edges) {
      if (node.easting != null && node.northing != null)
        all.push({ ...node, easting: node.easting, northing: node.northing });
    }
    after = teachingSchools.pageInfo.hasNextPage ? teachingSchools.pageInfo.endCursor : null;
  } while (after);
  return all;
}

/** The figures of one phase, or of all phases when none is given. */
export function figuresFor(
  coverage: Coverage,
  phase: string | null,
): { schools: number; teachingSchools: number; untappedOutstanding: number; density: number } {
  if (!phase) return coverage;
  const row = coverage.byPhase.find((entry) => entry.phase === phase);
  const schools = row?.schools ?? 0;
  const teachingSchools = row?.teachingSchools ?? 0;
  return {
    schools,
    teachingSchools,
    untappedOutstanding: row?.untappedOutstanding ?? 0,
    density: schools ? (100 * teachingSchools) / schools : 0,
  };
}
