/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** SINGLE: exactly 1 lead. JOB_SHARE: exactly 2 leads, each a small or special school. MULTIPLE: 2 or more leads. */
export type AllianceType =
  /** Exactly two lead teaching schools, each small or special. */
  | 'JOB_SHARE'
  /** Two or more lead teaching schools. */
  | 'MULTIPLE'
  /** Exactly one lead teaching school. */
  | 'SINGLE';

/** Input of `concludeDesignationReview`. */
export type ConcludeDesignationReviewInput = {
  /** When it was decided; today when not given. */
  decidedOn?: string | null | undefined;
  /** The version of the review the caller read (its `version` field); a stale one is refused with CONFLICT and changes nothing. Not checked when not given. */
  expectedVersion?: number | null | undefined;
  /** Internal notes; replace the review's notes when given. */
  notes?: string | null | undefined;
  /** The decision. */
  outcome: ReviewOutcome;
  /** The open review. */
  reviewId: string | number;
};

/** Narrows the coverage gaps asked about. */
export type CoverageGapFilter = {
  /** Only these kinds of gap; all when not given. At most 5. */
  kinds?: Array<GapKind> | null | undefined;
  /** Report LOW_DENSITY below this many teaching schools per 100 schools; England's density (`nationalCoverage.density`) when not given. */
  minDensity?: number | null | undefined;
  /** REMOTE needs at least this share (0 to 1) of an authority's schools that far: 0.1 (a tenth) when not given. */
  minRemoteShare?: number | null | undefined;
  /** The phases PHASE_GAP looks at: PRIMARY and SECONDARY when not given (every local authority lacks a teaching school of some small phase); an empty list means every phase. At most 8. */
  phases?: Array<Phase> | null | undefined;
  /** Local authorities in this region. */
  region?: GorRegion | null | undefined;
  /** REMOTE counts schools this far (km) or farther from a teaching school: 20 km when not given. */
  remoteBeyondKm?: number | null | undefined;
};

/** What kind of organisation a deliverer is. */
export type DelivererKind =
  /** A multi-academy trust. */
  | 'ACADEMY_TRUST'
  /** A diocese. */
  | 'DIOCESE'
  /** A local authority. */
  | 'LOCAL_AUTHORITY'
  /** Any other organisation. */
  | 'OTHER'
  /** A private-sector organisation. */
  | 'PRIVATE_SECTOR'
  /** A university or other higher education institution. */
  | 'UNIVERSITY';

/** The "Big 3" an alliance delivers. */
export type DeliveryArea =
  /** Initial teacher training. */
  | 'INITIAL_TEACHER_TRAINING'
  /** Continuing professional and leadership development. */
  | 'PROFESSIONAL_AND_LEADERSHIP_DEVELOPMENT'
  /** School-to-school support. */
  | 'SCHOOL_TO_SCHOOL_SUPPORT';

/** Designate a school as a teaching school. */
export type DesignateTeachingSchoolInput = {
  /** NCTL cohort (1, 2, 3, ...), where known. */
  cohort?: number | null | undefined;
  /** When the designation takes effect; not in the future. */
  designatedOn?: string | null | undefined;
  /** The version of the school the caller read (its `version` field); a stale one is refused with CONFLICT and changes nothing. Not checked when not given. */
  expectedVersion?: number | null | undefined;
  /** The school's URN. */
  urn: string;
};

/** Where a designation stands. */
export type DesignationStatus =
  /** A teaching school. */
  | 'DESIGNATED'
  /** No longer a teaching school. */
  | 'DE_DESIGNATED'
  /** A teaching school with a designation review open. */
  | 'UNDER_REVIEW';

/** Establishment status, as GIAS names it. */
export type EstablishmentStatus =
  /** Closed. */
  | 'CLOSED'
  /** Open. */
  | 'OPEN'
  /** Open, but proposed to close. */
  | 'OPEN_PROPOSED_TO_CLOSE'
  /** Proposed to open. */
  | 'PROPOSED_TO_OPEN';

/** A kind of coverage gap. */
export type GapKind =
  /** Fewer teaching schools per 100 schools than `minDensity` (the national density when not given). */
  | 'LOW_DENSITY'
  /** The local authority has no teaching school. */
  | 'NO_TEACHING_SCHOOL'
  /** No teaching school and no outstanding school to designate: need, but no eligible school. */
  | 'NO_TEACHING_SCHOOL_NO_OUTSTANDING'
  /** A phase with schools but no teaching school. */
  | 'PHASE_GAP'
  /** At least `minRemoteShare` of the schools (with a known distance) are `remoteBeyondKm` or more from a teaching school. */
  | 'REMOTE';

/** The nine Government Office Regions (GOR) of England. */
export type GorRegion =
  /** East Midlands. */
  | 'EAST_MIDLANDS'
  /** East of England. */
  | 'EAST_OF_ENGLAND'
  /** London. */
  | 'LONDON'
  /** North East. */
  | 'NORTH_EAST'
  /** North West. */
  | 'NORTH_WEST'
  /** South East. */
  | 'SOUTH_EAST'
  /** South West. */
  | 'SOUTH_WEST'
  /** West Midlands. */
  | 'WEST_MIDLANDS'
  /** Yorkshire and the Humber. */
  | 'YORKSHIRE_AND_THE_HUMBER';

/** A partner school's role in an alliance. */
export type MemberRole =
  /** A member school. */
  | 'MEMBER'
  /** A strategic partner. */
  | 'STRATEGIC_PARTNER'
  /** A school the alliance supports. */
  | 'SUPPORTED';

/** Overall effectiveness at an Ofsted inspection. */
export type OfstedRating =
  /** Good (grade 2). */
  | 'GOOD'
  /** Inadequate (grade 4), where GIAS does not say which. */
  | 'INADEQUATE'
  /** Outstanding (grade 1). */
  | 'OUTSTANDING'
  /** Requires improvement (grade 3). */
  | 'REQUIRES_IMPROVEMENT'
  /** Inadequate: serious weaknesses (grade 4). */
  | 'SERIOUS_WEAKNESSES'
  /** Inadequate: special measures (grade 4). */
  | 'SPECIAL_MEASURES';

/** Input of `openDesignationReview`. */
export type OpenDesignationReviewInput = {
  /** When a decision is due. */
  dueBy: string;
  /** The version of the school the caller read (its `version` field); a stale one is refused with CONFLICT and changes nothing. Not checked when not given. */
  expectedVersion?: number | null | undefined;
  /** A key of your choosing (up to 200 characters) that makes the request safe to retry: a retry with the same key and input answers the first result and writes nothing again. Keys are kept 24 hours. */
  idempotencyKey?: string | null | undefined;
  /** Internal notes. */
  notes?: string | null | undefined;
  /** When it opened; today when not given. */
  openedOn?: string | null | undefined;
  /** What opened the review. */
  trigger: ReviewTrigger;
  /** The teaching school's URN. */
  urn: string;
};

/** Phase of education, as GIAS names it. */
export type Phase =
  /** All through. */
  | 'ALL_THROUGH'
  /** Middle deemed primary. */
  | 'MIDDLE_DEEMED_PRIMARY'
  /** Middle deemed secondary. */
  | 'MIDDLE_DEEMED_SECONDARY'
  /** Not applicable (special schools, pupil referral units, independent schools and others). */
  | 'NOT_APPLICABLE'
  /** Nursery. */
  | 'NURSERY'
  /** Primary. */
  | 'PRIMARY'
  /** Secondary. */
  | 'SECONDARY'
  /** 16 plus. */
  | 'SIXTEEN_PLUS';

/** Input of `recordOfstedInspection`. */
export type RecordOfstedInspectionInput = {
  /** The version of the school the caller read (its `version` field); a stale one is refused with CONFLICT and changes nothing. Not checked when not given. */
  expectedVersion?: number | null | undefined;
  /** When the inspection took place; not in the future, not before the latest on record. */
  inspectedOn: string;
  /** Overall effectiveness. */
  rating: OfstedRating;
  /** The school's URN. */
  urn: string;
};

/** Why an alliance needs restructuring. */
export type RestructuringReason =
  /** A JOB_SHARE lead is neither small nor special. */
  | 'LEAD_NOT_SMALL_OR_SPECIAL'
  /** The alliance has no lead left. */
  | 'NO_LEADS'
  /** Too few leads for its type (a JOB_SHARE or MULTIPLE alliance with one). */
  | 'TOO_FEW_LEADS'
  /** Too many leads for its type. */
  | 'TOO_MANY_LEADS';

/** A review's decision. */
export type ReviewOutcome =
  /** The designation ends. */
  | 'DE_DESIGNATED'
  /** The school keeps its designation. */
  | 'RETAINED'
  /** The school gave the designation up. */
  | 'WITHDRAWN';

/** Where a review stands. */
export type ReviewStatus =
  /** Decided. */
  | 'CONCLUDED'
  /** Open: the designation is UNDER_REVIEW. */
  | 'OPEN';

/** What opened a designation review. */
export type ReviewTrigger =
  /** An Ofsted inspection rated the school below Outstanding. */
  | 'OFSTED_BELOW_OUTSTANDING'
  /** Any other reason. */
  | 'OTHER'
  /** A peer review. */
  | 'PEER_REVIEW'
  /** A concern about the teaching school's performance. */
  | 'PERFORMANCE_CONCERN'
  /** A scheduled review. */
  | 'SCHEDULED';

/** Why a school matched a search. */
export type SearchMatch =
  /** The school's name is the query (ignoring case, accents, punctuation and "St"/"St."). */
  | 'EXACT_NAME'
  /** The query is the school's LAESTAB (LA code and establishment number). */
  | 'LAESTAB'
  /** The school's name starts with the query. */
  | 'NAME_START'
  /** Every word of the query is a word of the school's name (the last one a prefix of one). */
  | 'NAME_WORDS'
  /** The query is the school's URN. */
  | 'URN';

/** Why a mutation was refused. */
export type UserErrorCode =
  /** Another alliance has this name. */
  | 'ALLIANCE_NAME_TAKEN'
  /** No alliance has this id. */
  | 'ALLIANCE_NOT_FOUND'
  /** The school is already a current member of the alliance. */
  | 'ALREADY_A_MEMBER'
  /** The school is already a teaching school (designated or under review). */
  | 'ALREADY_DESIGNATED'
  /** The alliance already belongs to a teaching school network. */
  | 'ALREADY_IN_NETWORK'
  /** The school already leads another alliance; a teaching school leads at most one. */
  | 'ALREADY_LEADS_AN_ALLIANCE'
  /** Someone else changed the record at the same time; read it again and retry. */
  | 'CONFLICT'
  /** A date lies before the start it ends. */
  | 'DATE_BEFORE_START'
  /** A date lies in the future. */
  | 'DATE_IN_FUTURE'
  /** The alliance has no current deliverer with this id. */
  | 'DELIVERER_NOT_FOUND'
  /** A delivery area would have no accountable lead. */
  | 'DELIVERY_AREA_UNASSIGNED'
  /** The same school is named as a lead twice. */
  | 'DUPLICATE_LEAD'
  /** The idempotency key was used before for a different request. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The school has a later inspection on record. */
  | 'INSPECTION_OLDER_THAN_LATEST'
  /** A value is out of range or malformed. */
  | 'INVALID_VALUE'
  /** A JOB_SHARE alliance's leads must each be small or special. */
  | 'JOB_SHARE_LEAD_NOT_SMALL_OR_SPECIAL'
  /** A lead of the alliance cannot also be one of its partner schools. */
  | 'LEAD_CANNOT_BE_MEMBER'
  /** The number of leads does not fit the alliance type (SINGLE: 1; JOB_SHARE: 2; MULTIPLE: 2 or more). */
  | 'LEAD_COUNT_DOES_NOT_FIT_TYPE'
  /** Another teaching school network has this name (case, spacing and invisible characters aside). */
  | 'NETWORK_NAME_TAKEN'
  /** No teaching school network has this id. */
  | 'NETWORK_NOT_FOUND'
  /** The school is not one of the alliance's leads. */
  | 'NOT_A_LEAD'
  /** The school is not a current member of the alliance. */
  | 'NOT_A_MEMBER'
  /** Only a current teaching school can lead an alliance. */
  | 'NOT_A_TEACHING_SCHOOL'
  /** The alliance belongs to no teaching school network. */
  | 'NOT_IN_NETWORK'
  /** The school's latest Ofsted rating is not Outstanding, which designation requires. */
  | 'NOT_OUTSTANDING'
  /** The review has already been concluded. */
  | 'REVIEW_ALREADY_CONCLUDED'
  /** The school already has an open designation review. */
  | 'REVIEW_ALREADY_OPEN'
  /** No designation review has this id. */
  | 'REVIEW_NOT_FOUND'
  /** No school has this URN. */
  | 'SCHOOL_NOT_FOUND'
  /** The school is not open. */
  | 'SCHOOL_NOT_OPEN';

export type CoverageFieldsFragment = { schools: number, teachingSchools: number, underReview: number, outstandingSchools: number, untappedOutstanding: number, alliances: number, density: number, byPhase: Array<{ phase: Phase, schools: number, teachingSchools: number, outstandingSchools: number, untappedOutstanding: number }> };

export type LocalAuthoritiesCoverageQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type LocalAuthoritiesCoverageQuery = { localAuthorities: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { code: string, name: string, region: { code: GorRegion, name: string }, coverage: { schools: number, teachingSchools: number, underReview: number, outstandingSchools: number, untappedOutstanding: number, alliances: number, density: number, byPhase: Array<{ phase: Phase, schools: number, teachingSchools: number, outstandingSchools: number, untappedOutstanding: number }> } } }> } };

export type TeachingSchoolPointsQueryVariables = Exact<{
  after?: string | null | undefined;
  localAuthority?: string | null | undefined;
}>;


export type TeachingSchoolPointsQuery = { teachingSchools: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { urn: string, phase: Phase, easting: number | null, northing: number | null } }> } };

export type AlliancePageQueryVariables = Exact<{
  id: string | number;
}>;


export type AlliancePageQuery = { alliance: { id: string, name: string, type: AllianceType, needsRestructuring: boolean, restructuringReasons: Array<RestructuringReason>, network: { name: string } | null, leads: Array<{ urn: string, name: string, phase: Phase, localAuthority: { code: string, name: string }, designation: { status: DesignationStatus } | null }>, deliveryAreas: Array<{ area: DeliveryArea, accountableLead: { urn: string, name: string } | null }>, deliverers: Array<{ name: string, kind: DelivererKind, joinedOn: string | null, leftOn: string | null }>, members: { totalCount: number, edges: Array<{ node: { role: MemberRole, joinedOn: string, leftOn: string | null, school: { urn: string, name: string, phase: Phase } } }> } } | null };

export type CoverageGapsQueryVariables = Exact<{
  filter?: CoverageGapFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type CoverageGapsQuery = { nationalCoverage: { density: number }, coverageGaps: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { kinds: Array<GapKind>, gapPhases: Array<Phase>, remoteShare: number, localAuthority: { code: string, name: string, region: { name: string } }, coverage: { schools: number, teachingSchools: number, outstandingSchools: number, untappedOutstanding: number, density: number } } }> } };

export type NationalCoverageQueryVariables = Exact<{ [key: string]: never; }>;


export type NationalCoverageQuery = { nationalCoverage: { schools: number, teachingSchools: number, underReview: number, outstandingSchools: number, untappedOutstanding: number, alliances: number, density: number, byPhase: Array<{ phase: Phase, schools: number, teachingSchools: number, outstandingSchools: number, untappedOutstanding: number }> } };

export type LocalAuthorityPageQueryVariables = Exact<{
  code: string;
}>;


export type LocalAuthorityPageQuery = { localAuthority: { code: string, name: string, rscRegion: string | null, region: { code: GorRegion, name: string }, coverage: { schools: number, teachingSchools: number, underReview: number, outstandingSchools: number, untappedOutstanding: number, alliances: number, density: number, reach: { schools: number, unknown: number, medianKm: number | null, farthestKm: number | null, bands: Array<{ fromKm: number, toKm: number | null, schools: number }> }, byPhase: Array<{ phase: Phase, schools: number, teachingSchools: number, outstandingSchools: number, untappedOutstanding: number }> }, teachingSchools: { totalCount: number, edges: Array<{ node: { urn: string, name: string, phase: Phase, ofstedRating: OfstedRating | null, designation: { status: DesignationStatus, cohort: number | null, designatedOn: string | null } | null, leadsAlliance: { id: string, name: string, type: AllianceType } | null } }> } } | null, untappedOutstandingSchools: { totalCount: number, edges: Array<{ node: { urn: string, name: string, phase: Phase, numberOfPupils: number | null, lastInspectedOn: string | null } }> }, remoteSchools: { edges: Array<{ node: { urn: string, name: string }, nearestTeachingSchool: { distanceKm: number, school: { urn: string, name: string } } }> } };

export type UserErrorFieldsFragment = { field: Array<string> | null, message: string, code: UserErrorCode };

export type DesignateMutationVariables = Exact<{
  input: DesignateTeachingSchoolInput;
}>;


export type DesignateMutation = { designateTeachingSchool: { school: { urn: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type RecordInspectionMutationVariables = Exact<{
  input: RecordOfstedInspectionInput;
}>;


export type RecordInspectionMutation = { recordOfstedInspection: { review: { id: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type OpenReviewMutationVariables = Exact<{
  input: OpenDesignationReviewInput;
}>;


export type OpenReviewMutation = { openDesignationReview: { review: { id: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type ConcludeReviewMutationVariables = Exact<{
  input: ConcludeDesignationReviewInput;
}>;


export type ConcludeReviewMutation = { concludeDesignationReview: { review: { id: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type NearestTeachingSchoolsQueryVariables = Exact<{
  urn: string;
}>;


export type NearestTeachingSchoolsQuery = { schoolsNear: { edges: Array<{ distanceKm: number, node: { urn: string, name: string, phase: Phase, localAuthority: { name: string } } }> } };

export type SearchSchoolsQueryVariables = Exact<{
  query: string;
  after?: string | null | undefined;
}>;


export type SearchSchoolsQuery = { searchSchools: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ matchedBy: SearchMatch, node: { urn: string, name: string, phase: Phase, localAuthority: { name: string }, designation: { status: DesignationStatus } | null } }> } };

export type NearestTeachingSchoolFieldsFragment = { distanceKm: number, school: { urn: string, name: string } };

export type SchoolPageQueryVariables = Exact<{
  urn: string;
  staff: boolean;
}>;


export type SchoolPageQuery = { school: { urn: string, name: string, phase: Phase, status: EstablishmentStatus, establishmentType: string | null, numberOfPupils: number | null, isSmall: boolean, isSpecial: boolean, ofstedRating: OfstedRating | null, lastInspectedOn: string | null, easting: number | null, northing: number | null, version: number, nearestTeachingSchool: { distanceKm: number, school: { urn: string, name: string } } | null, nearestOfPhase: { distanceKm: number, school: { urn: string, name: string } } | null, localAuthority: { code: string, name: string }, region: { code: GorRegion, name: string }, designation: { status: DesignationStatus, cohort: number | null, designatedOn: string | null, endedOn: string | null, endReason: string | null, history: Array<{ status: DesignationStatus, cohort: number | null, designatedOn: string | null, endedOn: string | null, endReason: string | null }> } | null, leadsAlliance: { id: string, name: string, type: AllianceType } | null, allianceMemberships: { edges: Array<{ node: { role: MemberRole, joinedOn: string, leftOn: string | null, alliance: { id: string, name: string } } }> }, reviews: { edges: Array<{ node: { id: string, trigger: ReviewTrigger, openedOn: string, dueBy: string, status: ReviewStatus, outcome: ReviewOutcome | null, decidedOn: string | null, version: number, notes?: string | null, openedBy?: string | null, decidedBy?: string | null } }> } } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CoverageFieldsFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"CoverageFields"}) as unknown as TypedDocumentString<CoverageFieldsFragment, unknown>;
export const UserErrorFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserErrorFields on UserError {
  field
  message
  code
}
    `, {"fragmentName":"UserErrorFields"}) as unknown as TypedDocumentString<UserErrorFieldsFragment, unknown>;
export const NearestTeachingSchoolFieldsFragmentDoc = new TypedDocumentString(`
    fragment NearestTeachingSchoolFields on NearestTeachingSchool {
  distanceKm
  school {
    urn
    name
  }
}
    `, {"fragmentName":"NearestTeachingSchoolFields"}) as unknown as TypedDocumentString<NearestTeachingSchoolFieldsFragment, unknown>;
export const LocalAuthoritiesCoverageDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<LocalAuthoritiesCoverageQuery, LocalAuthoritiesCoverageQueryVariables>;
export const TeachingSchoolPointsDocument = new TypedDocumentString(`
    query TeachingSchoolPoints($after: String, $localAuthority: String) {
  teachingSchools(
    first: 100
    after: $after
    filter: {localAuthority: $localAuthority}
  ) {
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
    `) as unknown as TypedDocumentString<TeachingSchoolPointsQuery, TeachingSchoolPointsQueryVariables>;
export const AlliancePageDocument = new TypedDocumentString(`
    query AlliancePage($id: ID!) {
  alliance(id: $id) {
    id
    name
    type
    needsRestructuring
    restructuringReasons
    network {
      name
    }
    leads {
      urn
      name
      phase
      localAuthority {
        code
        name
      }
      designation {
        status
      }
    }
    deliveryAreas {
      area
      accountableLead {
        urn
        name
      }
    }
    deliverers(includeFormer: true) {
      name
      kind
      joinedOn
      leftOn
    }
    members(first: 100) {
      totalCount
      edges {
        node {
          role
          joinedOn
          leftOn
          school {
            urn
            name
            phase
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AlliancePageQuery, AlliancePageQueryVariables>;
export const CoverageGapsDocument = new TypedDocumentString(`
    query CoverageGaps($filter: CoverageGapFilter, $after: String) {
  nationalCoverage {
    density
  }
  coverageGaps(filter: $filter, first: 50, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        localAuthority {
          code
          name
          region {
            name
          }
        }
        kinds
        gapPhases
        remoteShare
        coverage {
          schools
          teachingSchools
          outstandingSchools
          untappedOutstanding
          density
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CoverageGapsQuery, CoverageGapsQueryVariables>;
export const NationalCoverageDocument = new TypedDocumentString(`
    query NationalCoverage {
  nationalCoverage {
    ...CoverageFields
  }
}
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
}`) as unknown as TypedDocumentString<NationalCoverageQuery, NationalCoverageQueryVariables>;
export const LocalAuthorityPageDocument = new TypedDocumentString(`
    query LocalAuthorityPage($code: String!) {
  localAuthority(code: $code) {
    code
    name
    rscRegion
    region {
      code
      name
    }
    coverage {
      ...CoverageFields
      reach {
        schools
        unknown
        medianKm
        farthestKm
        bands {
          fromKm
          toKm
          schools
        }
      }
    }
    teachingSchools: schools(filter: {isTeachingSchool: true}, first: 100) {
      totalCount
      edges {
        node {
          urn
          name
          phase
          ofstedRating
          designation {
            status
            cohort
            designatedOn
          }
          leadsAlliance {
            id
            name
            type
          }
        }
      }
    }
  }
  untappedOutstandingSchools(filter: {localAuthority: $code}, first: 100) {
    totalCount
    edges {
      node {
        urn
        name
        phase
        numberOfPupils
        lastInspectedOn
      }
    }
  }
  remoteSchools(filter: {localAuthority: $code, beyondKm: 0}, first: 10) {
    edges {
      node {
        urn
        name
      }
      nearestTeachingSchool {
        ...NearestTeachingSchoolFields
      }
    }
  }
}
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
fragment NearestTeachingSchoolFields on NearestTeachingSchool {
  distanceKm
  school {
    urn
    name
  }
}`) as unknown as TypedDocumentString<LocalAuthorityPageQuery, LocalAuthorityPageQueryVariables>;
export const DesignateDocument = new TypedDocumentString(`
    mutation Designate($input: DesignateTeachingSchoolInput!) {
  designateTeachingSchool(input: $input) {
    school {
      urn
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<DesignateMutation, DesignateMutationVariables>;
export const RecordInspectionDocument = new TypedDocumentString(`
    mutation RecordInspection($input: RecordOfstedInspectionInput!) {
  recordOfstedInspection(input: $input) {
    review {
      id
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<RecordInspectionMutation, RecordInspectionMutationVariables>;
export const OpenReviewDocument = new TypedDocumentString(`
    mutation OpenReview($input: OpenDesignationReviewInput!) {
  openDesignationReview(input: $input) {
    review {
      id
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<OpenReviewMutation, OpenReviewMutationVariables>;
export const ConcludeReviewDocument = new TypedDocumentString(`
    mutation ConcludeReview($input: ConcludeDesignationReviewInput!) {
  concludeDesignationReview(input: $input) {
    review {
      id
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<ConcludeReviewMutation, ConcludeReviewMutationVariables>;
export const NearestTeachingSchoolsDocument = new TypedDocumentString(`
    query NearestTeachingSchools($urn: String!) {
  schoolsNear(
    near: {urn: $urn}
    withinKm: 50
    filter: {isTeachingSchool: true}
    first: 6
  ) {
    edges {
      distanceKm
      node {
        urn
        name
        phase
        localAuthority {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NearestTeachingSchoolsQuery, NearestTeachingSchoolsQueryVariables>;
export const SearchSchoolsDocument = new TypedDocumentString(`
    query SearchSchools($query: String!, $after: String) {
  searchSchools(query: $query, first: 25, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      matchedBy
      node {
        urn
        name
        phase
        localAuthority {
          name
        }
        designation {
          status
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchSchoolsQuery, SearchSchoolsQueryVariables>;
export const SchoolPageDocument = new TypedDocumentString(`
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
    fragment NearestTeachingSchoolFields on NearestTeachingSchool {
  distanceKm
  school {
    urn
    name
  }
}`) as unknown as TypedDocumentString<SchoolPageQuery, SchoolPageQueryVariables>;