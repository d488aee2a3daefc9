import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AllianceMembership, MemberRole } from '../domain/alliance.js';
import { fromMembershipItem } from './alliance-item.js';
import { keys } from './keys.js';
import { countItems, queryPage, type Page } from './query-page.js';
import type { Store } from './store.js';
import type { IndexName } from './table-definition.js';

/** A school's current membership of an alliance, read strongly consistently, if it is a member. */
export async function getCurrentMembership(
  store: Store,
  allianceId: string,
  urn: string,
): Promise<AllianceMembership | undefined> {
  const result = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: keys.currentMember(allianceId, urn), ConsistentRead: true }),
  );
  return result.Item ? fromMembershipItem(result.Item) : undefined;
}

/** An alliance's current partner schools, by URN, optionally of one role. */
export function findMembers(
  store: Store,
  allianceId: string,
  role: MemberRole | null,
  page: { first: number; after?: string | null },
): Promise<Page<AllianceMembership>> {
  return queryPage(store, {
    list: `members:${allianceId}`,
    index: 'table',
    segments: [{ partition: keys.alliancePartition(allianceId), prefix: keys.currentMemberPrefix }],
    filter: role ? { expression: '#role = :role', names: { '#role': 'role' }, values: { ':role': role } } : null,
    first: page.first,
    after: page.after,
    map: fromMembershipItem,
  });
}

/** A school's memberships, current and former, earliest first. */
export function findMembershipsOfSchool(
  store: Store,
  urn: string,
  page: { first: number; after?: string | null },
): Promise<Page<AllianceMembership>> {
  return queryPage(store, {
    ...membershipsOfSchool(urn),
    first: page.first,
    after: page.after,
    map: fromMembershipItem,
  });
}

export function countMembershipsOfSchool(store: Store, urn: string): Promise<number> {
  return countItems(store, membershipsOfSchool(urn));
}

/** The access pattern of a school's memberships: `MEMBERSHIPS#<urn>` / `<joinedOn>#<alliance id>#...`. */
const MEMBERSHIPS_OF_SCHOOL_BY_JOINING: IndexName = 'gsi1';

function membershipsOfSchool(urn: string) {
  return {
    list: `memberships:${urn}`,
    index: MEMBERSHIPS_OF_SCHOOL_BY_JOINING,
    segments: [{ partition: keys.membershipsOf(urn), prefix: '' }],
  };
}
