import type { Resolvers } from '../generated/resolvers.js';
import type { LazyResolvers } from '../set-resolvers.js';
import {
  AllianceConnection,
  AllianceMembershipConnection,
  AuditEventConnection,
  CoverageGapConnection,
  DesignationReviewConnection,
  LocalAuthorityConnection,
  RemoteSchoolConnection,
  SchoolConnection,
} from './connection-fields.js';
import { DateScalar } from './date-scalar.js';
import {
  AllianceChangeFields,
  Change,
  ChangeConnection,
  ChangeSubject,
  changeQueries,
  DateTime,
  SchoolChangeFields,
} from './changes.js';
import { LocalAuthority, Region } from './places.js';
import {
  Alliance,
  AllianceMembership,
  DeliveryAreaLead,
  SchoolAllianceFields,
  TeachingSchoolNetwork,
} from './alliance.js';
import { allianceQueries } from './alliance-queries.js';
import { CoverageGap, coverageQueries, LocalAuthorityCoverage, RegionCoverage, RscRegion } from './coverage.js';
import { Query } from './query.js';
import { Designation, DesignationReview, JSONObject, reviewQueries, SchoolReviewFields } from './review-queries.js';
import { School } from './school.js';
import { CoverageReach, reachQueries, RemoteSchoolEdge, SchoolReachFields } from './reach.js';
import { Location, SchoolLocationFields, searchQueries } from './search.js';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime,
  Query: {
    ...Query,
    ...allianceQueries,
    ...reviewQueries,
    ...coverageQueries,
    ...searchQueries,
    ...changeQueries,
    ...reachQueries,
  },
  School: {
    ...School,
    ...SchoolAllianceFields,
    ...SchoolReviewFields,
    ...SchoolLocationFields,
    ...SchoolChangeFields,
    ...SchoolReachFields,
  },
  Location,
  Designation,
  DesignationReview,
  JSONObject,
  Alliance: { ...Alliance, ...AllianceChangeFields },
  AllianceMembership,
  DeliveryAreaLead,
  TeachingSchoolNetwork,
  Region: { ...Region, ...RegionCoverage },
  LocalAuthority: { ...LocalAuthority, ...LocalAuthorityCoverage },
  RscRegion,
  CoverageGap,
  Coverage: CoverageReach,
  RemoteSchoolConnection,
  RemoteSchoolEdge,
  SchoolConnection,
  LocalAuthorityConnection,
  AllianceConnection,
  AllianceMembershipConnection,
  DesignationReviewConnection,
  AuditEventConnection,
  CoverageGapConnection,
  Change,
  ChangeConnection,
  ChangeSubject,
};

/**
 * Resolvers loaded on the first request that needs them: the mutations, with the write side of the store and the
 * domain's rules for changes, a chunk of its own in the Lambda bundle that a cold start does not read (most
 * requests only read).
 */
export const lazyResolvers: LazyResolvers = {
  Mutation: async () => (await import('../mutations/index.js')).Mutation,
};
