import type { ConnectionSource } from '../connection-sources.js';
import type { Page } from '../../store/query-page.js';
import type {
  AllianceConnectionResolvers,
  AllianceMembershipConnectionResolvers,
  AuditEventConnectionResolvers,
  CoverageGapConnectionResolvers,
  DesignationReviewConnectionResolvers,
  LocalAuthorityConnectionResolvers,
  RemoteSchoolConnectionResolvers,
  SchoolConnectionResolvers,
} from '../generated/resolvers.js';

/** A page's PageInfo: connections here page forward only. */
export function pageInfoOf(page: Page<unknown>) {
  return {
    hasNextPage: page.hasNextPage,
    hasPreviousPage: false,
    startCursor: page.edges[0]?.cursor ?? null,
    endCursor: page.endCursor,
  };
}

/** The fields every connection answers the same way. */
const connectionFields = {
  pageInfo: (parent: ConnectionSource<unknown>) => pageInfoOf(parent),
  totalCount: (parent: ConnectionSource<unknown>) => parent.totalCount(),
};

export const SchoolConnection: SchoolConnectionResolvers = connectionFields;
export const LocalAuthorityConnection: LocalAuthorityConnectionResolvers = connectionFields;
export const AllianceConnection: AllianceConnectionResolvers = connectionFields;
export const AllianceMembershipConnection: AllianceMembershipConnectionResolvers = connectionFields;
export const DesignationReviewConnection: DesignationReviewConnectionResolvers = connectionFields;
export const AuditEventConnection: AuditEventConnectionResolvers = connectionFields;
export const CoverageGapConnection: CoverageGapConnectionResolvers = connectionFields;
export const RemoteSchoolConnection: RemoteSchoolConnectionResolvers = connectionFields;
