import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The one table's key schema and global secondary indexes, defined once: the local and test tables
 * are created from it, and so is the CDK stack's table. All key attributes are strings.
 * The indexes have neutral names: several entities keep partitions in each, and every store module names
 * its own access patterns on them (docs/data-model.md lists them all).
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

export const INDEXES = {
  /** Schools by place, alliances by name, reviews by status and due date, a school's memberships. */
  gsi1: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  /** Schools by phase then place, alliances by type then name. */
  gsi2: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  /** Sparse: teaching schools and untapped outstanding schools by place, a network's alliances by name. */
  gsi3: { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
} as const;

export type IndexName = keyof typeof INDEXES;

/** Items with this attribute (epoch seconds) expire: DynamoDB's TTL deletes them (idempotency keys). */
export const TIME_TO_LIVE_ATTRIBUTE = 'expiresAt';

/** The key attributes a Query on an index (or the table itself) returns as LastEvaluatedKey. */
export function keyAttributesOf(index: IndexName | 'table'): string[] {
  const base = [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey];
  return index === 'table' ? base : [...base, INDEXES[index].partitionKey, INDEXES[index].sortKey];
}

/**
 * What the reach projector reads from the table's stream: each item before and after a change. Tables that run
 * the projector enable the stream after their fresh load (store.ts enableStream), so the load is not replayed.
 */
export const STREAM_VIEW_TYPE = 'NEW_AND_OLD_IMAGES';

/** CreateTable input for DynamoDB Local and tests (on-demand, as in AWS). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const keyNames = new Set<string>([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey]);
  for (const index of Object.values(INDEXES)) {
    keyNames.add(index.partitionKey);
    keyNames.add(index.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...keyNames].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: Object.values(INDEXES).map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}
