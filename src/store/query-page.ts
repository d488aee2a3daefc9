import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { InvalidInput } from '../domain/errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Store } from './store.js';
import { INDEXES, TABLE_KEYS, keyAttributesOf, type IndexName } from './table-definition.js';

type Item = Record<string, unknown>;

/** A condition DynamoDB applies after reading, for filters the key cannot express. */
export interface ItemFilter {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/**
 * One key range: a partition, narrowed by a `begins_with` prefix of the sort key (empty for all of it)
 * or, instead, to sort keys `below` a value.
 */
export interface Segment {
  partition: string;
  prefix: string;
  below?: string;
}

/** The key condition of a segment, with the names and values it uses. */
function keyCondition(
  segment: Segment,
  names: { pk: string; sk: string },
): { expression: string; names: Record<string, string>; values: Record<string, unknown> } {
  const { partition, prefix, below } = segment;
  if (below !== undefined) {
    return {
      expression: '#pk = :pk AND #sk < :below',
      names: { '#pk': names.pk, '#sk': names.sk },
      values: { ':pk': partition, ':below': below },
    };
  }
  if (prefix) {
    return {
      expression: '#pk = :pk AND begins_with(#sk, :prefix)',
      names: { '#pk': names.pk, '#sk': names.sk },
      values: { ':pk': partition, ':prefix': prefix },
    };
  }
  return { expression: '#pk = :pk', names: { '#pk': names.pk }, values: { ':pk': partition } };
}

/** An index partition a list is read from: what each store module's named access patterns are. */
export interface ListSource {
  index: IndexName;
  partition: string;
}

export interface PageQuery<T> {
  /** Cursor namespace: a cursor is only accepted by the list that issued it. */
  list: string;
  index: IndexName | 'table';
  /** The key ranges the list is made of, read in this order. */
  segments: readonly Segment[];
  filter?: ItemFilter | null;
  first: number;
  after?: string | null;
  map: (item: Item) => T;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface Page<T> {
  edges: Edge<T>[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * How many Query requests one page may take when a filter drops items or a segment runs out.
 * A page may then come back short, with `hasNextPage`; what a page costs stays bounded whatever the data.
 */
export const MAX_QUERIES_PER_PAGE = 4;

/** The longest key value a cursor may carry (DynamoDB's limit for a sort key, in bytes). */
const MAX_KEY_LENGTH = 1024;

/** One page of a list of key ranges, in key order, with Relay cursors made from each item's key. */
export async function queryPage<T>(store: Store, query: PageQuery<T>): Promise<Page<T>> {
  const attributes = keyAttributesOf(query.index);
  const names =
    query.index === 'table'
      ? { pk: TABLE_KEYS.partitionKey, sk: TABLE_KEYS.sortKey }
      : { pk: INDEXES[query.index].partitionKey, sk: INDEXES[query.index].sortKey };
  const position = query.after ? resume(query, attributes, names) : { segment: 0, startKey: undefined };
  const cursorAt = (segment: number, key?: Item) =>
    encodeCursor(query.list, [segment, ...(key ? attributes.map((name) => String(key[name])) : [])]);

  const items: { item: Item; segment: number }[] = [];
  const wanted = query.first + 1;
  let { segment, startKey } = position;
  for (
    let request = 0;
    request < MAX_QUERIES_PER_PAGE && items.length < wanted && segment < query.segments.length;
    request += 1
  ) {
    const key = keyCondition(query.segments[segment]!, names);
    const result = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        IndexName: query.index === 'table' ? undefined : INDEXES[query.index].name,
        KeyConditionExpression: key.expression,
        FilterExpression: query.filter?.expression,
        ExpressionAttributeNames: { ...key.names, ...query.filter?.names },
        ExpressionAttributeValues: { ...key.values, ...query.filter?.values },
        ExclusiveStartKey: startKey,
        Limit: query.filter ? Math.min(1000, wanted * 4) : wanted - items.length,
      }),
    );
    items.push(...(result.Items ?? []).map((item) => ({ item, segment })));
    startKey = result.LastEvaluatedKey;
    if (!startKey) segment += 1;
  }

  const edges = items
    .slice(0, query.first)
    .map(({ item, segment: from }) => ({ node: query.map(item), cursor: cursorAt(from, item) }));
  if (items.length > query.first) return { edges, hasNextPage: true, endCursor: edges.at(-1)?.cursor ?? null };
  // Stopped on the request budget: carry on after the last key read, not the last item kept.
  if (segment < query.segments.length) return { edges, hasNextPage: true, endCursor: cursorAt(segment, startKey) };
  return { edges, hasNextPage: false, endCursor: edges.at(-1)?.cursor ?? null };
}

function resume<T>(
  query: PageQuery<T>,
  attributes: string[],
  names: { pk: string; sk: string },
): { segment: number; startKey: Item | undefined } {
  const [segment, ...values] = decodeCursor(query.list, query.after ?? '');
  const refuse = () =>
    new InvalidInput(
      'after',
      'after is a cursor of this list under another filter; pass the same filter as the page it came from',
    );
  if (typeof segment !== 'number' || segment < 0 || segment >= query.segments.length) throw refuse();
  if (values.length === 0) return { segment, startKey: undefined };
  if (values.length !== attributes.length) throw refuse();
  // Every key the registry writes is a non-empty string of modest length: anything else was not issued here.
  if (!values.every((value) => typeof value === 'string' && value.length > 0 && value.length <= MAX_KEY_LENGTH)) {
    throw new InvalidInput(
      'after',
      'after is not a cursor the registry issued; pass an endCursor or cursor from a page of this list',
    );
  }
  const key = Object.fromEntries(attributes.map((name, position) => [name, values[position]]));
  const { partition, prefix, below } = query.segments[segment]!;
  const sortValue = key[names.sk];
  if (
    key[names.pk] !== partition ||
    typeof sortValue !== 'string' ||
    !sortValue.startsWith(prefix) ||
    (below !== undefined && sortValue >= below)
  )
    throw refuse();
  return { segment, startKey: key };
}

/**
 * How many items a list holds: Query with `Select: COUNT` over each segment, which returns no items. Meant
 * for short lists (an alliance's memberships, the ~640 alliances); long lists count from kept aggregates.
 */
export async function countItems(
  store: Store,
  query: Pick<PageQuery<unknown>, 'index' | 'segments' | 'filter'>,
): Promise<number> {
  const names =
    query.index === 'table'
      ? { pk: TABLE_KEYS.partitionKey, sk: TABLE_KEYS.sortKey }
      : { pk: INDEXES[query.index].partitionKey, sk: INDEXES[query.index].sortKey };
  let total = 0;
  for (const segment of query.segments) {
    const key = keyCondition(segment, names);
    let startKey: Item | undefined;
    do {
      const result = await store.doc.send(
        new QueryCommand({
          TableName: store.tableName,
          IndexName: query.index === 'table' ? undefined : INDEXES[query.index].name,
          Select: 'COUNT',
          KeyConditionExpression: key.expression,
          FilterExpression: query.filter?.expression,
          ExpressionAttributeNames: { ...key.names, ...query.filter?.names },
          ExpressionAttributeValues: { ...key.values, ...query.filter?.values },
          ExclusiveStartKey: startKey,
        }),
      );
      total += result.Count ?? 0;
      startKey = result.LastEvaluatedKey;
    } while (startKey);
  }
  return total;
}
