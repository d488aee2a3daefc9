import type { ConnectionSource } from '../connection-sources.js';
import type {
  AllianceConnectionResolvers,
  AllianceMembershipConnectionResolvers,
  AuditEventConnectionResolvers,
  CoverageGapConnectionResolvers,
  DesignationReviewConnectionResolvers,
  LocalAuthorityConnectionResolvers,
  SchoolConnectionResolvers,
} from '../generated/resolvers.js';

/** The fields every connection answers the same way. */
const connectionFields = {
  pageInfo: (parent: ConnectionSource<unknown>) => ({
    hasNextPage: parent.hasNextPage,
    hasPreviousPage: false,
    startCursor: parent.edges[0]?.cursor ?? null,
    endCursor: parent.endCursor,
  }),
  totalCount: (parent: ConnectionSource<unknown>) => parent.totalCount(),
};

export const SchoolConnection: SchoolConnectionResolvers = connectionFields;
export const LocalAuthorityConnection: LocalAuthorityConnectionResolvers = connectionFields;
export const AllianceConnection: AllianceConnectionResolvers = connectionFields;
export const AllianceMembershipConnection: AllianceMembershipConnectionResolvers = connectionFields;
export const DesignationReviewConnection: DesignationReviewConnectionResolvers = connectionFields;
export const AuditEventConnection: AuditEventConnectionResolvers = connectionFields;
export const CoverageGapConnection: CoverageGapConnectionResolvers = connectionFields;
