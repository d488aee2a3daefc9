import type { Resolvers } from '../generated/resolvers.js';
import { staffOnly } from '../staff-only.js';
import {
  AllianceConnection,
  AllianceMembershipConnection,
  AuditEventConnection,
  CoverageGapConnection,
  DesignationReviewConnection,
  LocalAuthorityConnection,
  SchoolConnection,
} from './connections.js';
import { DateScalar } from './date-scalar.js';
import { designateTeachingSchool } from './designate-teaching-school.js';
import { LocalAuthority, Region } from './places.js';
import { Alliance, AllianceMembership, DeliveryAreaLead, SchoolAllianceFields, TeachingSchoolNetwork } from './alliance.js';
import { allianceDetailMutations } from './alliance-details.js';
import { allianceLeadMutations } from './alliance-leads.js';
import { allianceMemberMutations } from './alliance-members.js';
import { allianceQueries } from './alliance-queries.js';
import { CoverageGap, coverageQueries, LocalAuthorityCoverage, RegionCoverage, RscRegion } from './coverage.js';
import { Query } from './query.js';
import { reviewMutations } from './review-mutations.js';
import { Designation, DesignationReview, JSONObject, reviewQueries, SchoolReviewFields } from './review-queries.js';
import { School } from './school.js';
import { SchoolLocationFields, searchQueries } from './search.js';

export const resolvers: Resolvers = {
  Date: DateScalar,
  Query: { ...Query, ...allianceQueries, ...reviewQueries, ...coverageQueries, ...searchQueries },
  Mutation: staffOnly({ designateTeachingSchool, ...reviewMutations, ...allianceLeadMutations, ...allianceMemberMutations, ...allianceDetailMutations }),
  School: { ...School, ...SchoolAllianceFields, ...SchoolReviewFields, ...SchoolLocationFields },
  Designation,
  DesignationReview,
  JSONObject,
  Alliance,
  AllianceMembership,
  DeliveryAreaLead,
  TeachingSchoolNetwork,
  Region: { ...Region, ...RegionCoverage },
  LocalAuthority: { ...LocalAuthority, ...LocalAuthorityCoverage },
  RscRegion,
  CoverageGap,
  SchoolConnection,
  LocalAuthorityConnection,
  AllianceConnection,
  AllianceMembershipConnection,
  DesignationReviewConnection,
  AuditEventConnection,
  CoverageGapConnection,
};
