import type { AuditEvent } from '../domain/audit-event.js';
import { keys } from './keys.js';
import { countItems, queryPage, type Page } from './query-page.js';
import type { Store } from './store.js';

/** The audit events of one subject (`SCHOOL#<urn>` or `ALLIANCE#<id>`), oldest first. */
export function findAuditEvents(
  store: Store,
  subject: string,
  page: { first: number; after?: string | null },
): Promise<Page<AuditEvent>> {
  return queryPage(store, {
    ...auditTrailOf(subject),
    first: page.first,
    after: page.after,
    map: fromAuditItem,
  });
}

/** An audit event as its item stores it. */
export function fromAuditItem(item: Record<string, unknown>): AuditEvent {
  return {
    subject: item.subject as string,
    at: item.at as string,
    id: item.id as string,
    actor: item.actor as AuditEvent['actor'],
    action: item.action as string,
    before: item.before ?? null,
    after: item.after ?? null,
  };
}

export function countAuditEvents(store: Store, subject: string): Promise<number> {
  return countItems(store, auditTrailOf(subject));
}

function auditTrailOf(subject: string) {
  return {
    list: `audit:${subject}`,
    index: 'table' as const,
    segments: [{ partition: keys.auditTrail(subject), prefix: '' }],
  };
}
