import { graphql } from './gql';

graphql(`
  fragment NearestTeachingSchoolFields on NearestTeachingSchool {
    distanceKm
    school {
      urn
      name
    }
  }
`);

/** A school with everything its page and its action forms show. Notes and staff names only for staff. */
export const SchoolPage = graphql(`
  query SchoolPage($urn: String!, $staff: Boolean!) {
    school(urn: $urn) {
      urn
      name
      phase
      status
      establishmentType
      numberOfPupils
      isSmall
      isSpecial
      ofstedRating
      lastInspectedOn
      easting
      northing
      version
      nearestTeachingSchool {
        ...NearestTeachingSchoolFields
      }
      nearestOfPhase: nearestTeachingSchool(samePhase: true) {
        ...NearestTeachingSchoolFields
      }
      localAuthority {
        code
        name
      }
      region {
        code
        name
      }
      designation {
        status
        cohort
        designatedOn
        endedOn
        endReason
        history {
          status
          cohort
          designatedOn
          endedOn
          endReason
        }
      }
      leadsAlliance {
        id
        name
        type
      }
      allianceMemberships(first: 10) {
        edges {
          node {
            role
            joinedOn
            leftOn
            alliance {
              id
              name
            }
          }
        }
      }
      reviews(first: 20) {
        edges {
          node {
            id
            trigger
            openedOn
            dueBy
            status
            outcome
            decidedOn
            version
            notes @include(if: $staff)
            openedBy @include(if: $staff)
            decidedBy @include(if: $staff)
          }
        }
      }
    }
  }
`);
