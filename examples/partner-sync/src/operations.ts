import { graphql } from './gql/index.js';

/** One page of the teaching schools (designated or under review), the fields this copy keeps. */
export const TeachingSchoolsPage = graphql(`
  query TeachingSchoolsPage($after: String) {
    teachingSchools(first: 100, after: $after) {
      edges { node { ...KeptSchool } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** The fields the copy keeps of each teaching school. */
export const KeptSchool = graphql(`
  fragment KeptSchool on School {
    urn
    name
    localAuthority { code }
    designation { status cohort designatedOn }
    updatedAt
  }
`);

/** One page of the change feed, with each changed school as it is now. */
export const ChangesPage = graphql(`
  query ChangesPage($since: DateTime!, $after: String) {
    changes(since: $since, first: 100, after: $after) {
      edges { cursor node { id at kind subjectKey subject { __typename ... on School { ...KeptSchool } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
