import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '../domain/audit-event.js';
import { type ChangeKind, changeKindOf } from '../domain/change.js';
import { InvalidInput } from '../domain/errors.js';
import { fromAllianceItem, type StoredAlliance } from './alliance-item.js';
import { fromAuditItem } from './audit-trail.js';
import { batchGet } from './batch-get.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { keys } from './keys.js';
import type { Edge, Page } from './query-page.js';
import { fromSchoolItem, type StoredSchool } from './school-item.js';
import type { Store } from './store.js';
import { INDEXES } from './table-definition.js';

/**
 * The change feed: every audit event is also an entry of one sparse partition of the neutral index gsi3,
 * `CHANGES`, sorted by `<at>#<event id>`. The entry is the audit item itself, written in the same transaction
 * as the change, so there is no change without its entry and no entry without its change.
 *
 * Resuming exactly: a page is one Query of that partition from `since` (or from the cursor, an item's key) up
 * to a settle bound, `now - settle window`. An event's `at` is taken before its transaction commits, so a slow
 * transaction could commit an event older than one already served; serving only events older than the window
 * (far longer than a transaction can take: the Lambda times out at 10 s) means every event a page could ever
 * include has committed before the page is read. A cursor is the last key read, so the next page starts just
 * after it: nothing is missed or served twice, whenever the next page is asked for.
 */
const FEED_PARTITION = 'CHANGES';
const LIST = 'changes';

/** Where an event's subject is, for the feed's region and local authority filters. */
export interface ChangePlaces {
  regions: readonly string[];
  laCodes: readonly string[];
}

/** The attributes that put an audit item on the feed: its index key, its kind, and its subject's places. */
export function feedAttributes(event: AuditEvent, places?: ChangePlaces): Record<string, unknown> {
  return {
    gsi3pk: FEED_PARTITION,
    gsi3sk: `${event.at}#${event.id}`,
    kind: changeKindOf(event.action, event.subject),
    regions: places?.regions.length ? [...places.regions] : undefined,
    laCodes: places?.laCodes.length ? [...places.laCodes] : undefined,
  };
}

/** The item of an audit event: on its subject's audit trail and, by `feedAttributes`, on the feed. */
export function toAuditItem(event: AuditEvent, places?: ChangePlaces): Record<string, unknown> {
  return {
    ...keys.auditEvent(event.subject, event.at, event.id),
    type: 'AuditEvent',
    ...event,
    ...feedAttributes(event, places),
  };
}

/** One change, as the feed stores it. */
export interface FeedEntry extends AuditEvent {
  kind: ChangeKind;
}

export interface ChangeQuery {
  /** The oldest change wanted (inclusive). */
  since: Date;
  /** Only changes before this are served (now less the settle window). */
  settledBefore: Date;
  kinds?: readonly ChangeKind[] | null;
  region?: string | null;
  laCode?: string | null;
  first: number;
  after?: string | null;
}

/**
 * One page of changes, oldest first: one Query, whatever `since` is. A cursor, when given, says where to go on
 * from (`since` then only says where the first page started). With a filter, the Query reads `first`
 * entries and keeps those that match, so a page may be short; `hasNextPage` says whether more were settled.
 * The end cursor is the last entry read (the `after` given when none was), so polling with it never repeats.
 */
export async function findChanges(store: Store, query: ChangeQuery): Promise<Page<FeedEntry>> {
  const startKey = query.after ? startKeyOf(query.after) : undefined;
  const from = startKey?.gsi3sk ?? query.since.toISOString();
  const until = query.settledBefore.toISOString();
  const filter = feedFilter(query);
  const result =
    from >= until || query.first === 0
      ? { Items: [], LastEvaluatedKey: undefined }
      : await store.doc.send(
          new QueryCommand({
            TableName: store.tableName,
            IndexName: INDEXES.gsi3.name,
            KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :until',
            FilterExpression: filter?.expression,
            ExpressionAttributeNames: {
              '#pk': INDEXES.gsi3.partitionKey,
              '#sk': INDEXES.gsi3.sortKey,
              ...filter?.names,
            },
            ExpressionAttributeValues: { ':pk': FEED_PARTITION, ':from': from, ':until': until, ...filter?.values },
            ExclusiveStartKey: startKey,
            Limit: query.first,
          }),
        );
  const edges: Edge<FeedEntry>[] = (result.Items ?? []).map((item) => ({
    node: toEntry(item),
    cursor: cursorOf(item),
  }));
  const last = result.LastEvaluatedKey;
  return {
    edges,
    hasNextPage: last !== undefined,
    endCursor: last ? cursorOf(last) : (edges.at(-1)?.cursor ?? query.after ?? null),
  };
}

function feedFilter(query: ChangeQuery) {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (query.kinds?.length) {
    names['#kind'] = 'kind';
    parts.push(`#kind IN (${query.kinds.map((_, i) => `:kind${i}`).join(', ')})`);
    query.kinds.forEach((kind, i) => {
      values[`:kind${i}`] = kind;
    });
  }
  const places: string[] = [];
  if (query.region) {
    places.push('contains(regions, :region)');
    values[':region'] = query.region;
  }
  if (query.laCode) {
    places.push('contains(laCodes, :laCode)');
    values[':laCode'] = query.laCode;
  }
  if (places.length > 0) {
    // A fresh load is everywhere's change: a partner following one region must resync too.
    names['#kind'] = 'kind';
    values[':everywhere'] = 'REGISTRY_LOADED' satisfies ChangeKind;
    parts.push(`(#kind = :everywhere OR (${places.join(' AND ')}))`);
  }
  if (parts.length === 0) return null;
  return { expression: parts.join(' AND '), names: Object.keys(names).length ? names : undefined, values };
}

function cursorOf(item: Record<string, unknown>): string {
  return encodeCursor(LIST, [String(item.pk), String(item.sk), String(item.gsi3sk)]);
}

function startKeyOf(cursor: string): Record<string, string> {
  const [pk, sk, gsi3sk] = decodeCursor(LIST, cursor);
  if (typeof pk !== 'string' || typeof sk !== 'string' || typeof gsi3sk !== 'string') {
    throw new InvalidInput('after', 'after is not a cursor of the change feed; pass a cursor it returned');
  }
  return { pk, sk, gsi3pk: FEED_PARTITION, gsi3sk };
}

function toEntry(item: Record<string, unknown>): FeedEntry {
  return { ...fromAuditItem(item), kind: item.kind as ChangeKind };
}

/** The schools and alliances changes are about, as they are now: one BatchGetItem for a page (100 at most). */
export async function getChangeSubjects(
  store: Store,
  subjects: readonly string[],
): Promise<(StoredSchool | StoredAlliance | undefined)[]> {
  const keyOf = (subject: string) =>
    subject.startsWith('ALLIANCE#')
      ? keys.alliance(subject.slice('ALLIANCE#'.length))
      : keys.school(subject.slice('SCHOOL#'.length));
  const items = await batchGet(store, subjects.map(keyOf));
  return items.map((item) => {
    if (!item) return undefined;
    return item.type === 'Alliance' ? fromAllianceItem(item) : fromSchoolItem(item);
  });
}
