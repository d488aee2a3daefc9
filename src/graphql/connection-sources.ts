import { InvalidInput } from '../domain/errors.js';
import type { AllianceMembership } from '../domain/alliance.js';
import type { CoverageGap } from '../domain/coverage.js';
import type { LocalAuthority } from '../domain/local-authority.js';
import type { StoredAlliance } from '../store/alliance-item.js';
import type { StoredReview } from '../store/review-item.js';
import type { AuditEvent } from '../domain/audit-event.js';
import { decodeCursor, encodeCursor } from '../store/cursor.js';
import type { Page } from '../store/query-page.js';
import type { StoredSchool } from '../store/school-item.js';
import type { SchoolReach } from '../domain/reach.js';

/**
 * What a connection field resolves to: a page of nodes and, since counting is a separate question,
 * a function that answers `totalCount` only when the query asks for it.
 */
export interface ConnectionSource<T> extends Page<T> {
  totalCount: () => Promise<number> | number;
}

export type SchoolConnectionSource = ConnectionSource<StoredSchool>;
export type AllianceConnectionSource = ConnectionSource<StoredAlliance>;
export type AllianceMembershipConnectionSource = ConnectionSource<AllianceMembership>;
export type DesignationReviewConnectionSource = ConnectionSource<StoredReview>;
export type CoverageGapConnectionSource = ConnectionSource<CoverageGap>;

/** An RSC region: its name and its local authorities. */
export interface RscRegionSource {
  name: string;
  authorities: LocalAuthority[];
}
export type AuditEventConnectionSource = ConnectionSource<AuditEvent>;
export type RemoteSchoolConnectionSource = ConnectionSource<SchoolReach>;
export type RemoteSchoolEdgeSource = { node: SchoolReach; cursor: string };
export type LocalAuthorityConnectionSource = ConnectionSource<LocalAuthority>;

/** Pages through a short list already in memory (such as the local authorities), by offset. */
export function pageOfList<T>(
  list: string,
  items: readonly T[],
  first: number,
  after: string | null,
): ConnectionSource<T> {
  const start = after === null ? 0 : offsetFrom(list, after, items.length);
  const slice = items.slice(start, start + first);
  const edges = slice.map((node, index) => ({ node, cursor: encodeCursor(list, [start + index + 1]) }));
  return {
    edges,
    hasNextPage: start + first < items.length,
    endCursor: edges.at(-1)?.cursor ?? null,
    totalCount: () => items.length,
  };
}

export const emptyConnection: ConnectionSource<never> = {
  edges: [],
  hasNextPage: false,
  endCursor: null,
  totalCount: () => 0,
};

function offsetFrom(list: string, after: string, length: number): number {
  const [offset] = decodeCursor(list, after);
  if (typeof offset !== 'number' || offset < 0) throw new InvalidInput('after', 'after is not a cursor of this list');
  return Math.min(offset, length);
}
