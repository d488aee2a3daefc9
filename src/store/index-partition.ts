import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './store.js';
import { INDEXES } from './table-definition.js';

type Item = Record<string, unknown>;

/**
 * Every item of one gsi1 partition (`SCHOOLS`, `ALLIANCES`), page by page: for the audits, which are operators'
 * commands and may read the whole registry, never for a request path.
 */
export async function* indexPartition(store: Store, partitionKey: string): AsyncGenerator<Item> {
  let startKey: Item | undefined;
  do {
    const result = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        IndexName: INDEXES.gsi1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': INDEXES.gsi1.partitionKey },
        ExpressionAttributeValues: { ':pk': partitionKey },
        ExclusiveStartKey: startKey,
      }),
    );
    yield* result.Items ?? [];
    startKey = result.LastEvaluatedKey;
  } while (startKey);
}
