import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './store.js';
import { INDEXES, TABLE_KEYS } from './table-definition.js';

type Item = Record<string, unknown>;

/**
 * Every item of one partition of the table (or of gsi1), page by page. For partitions a request may read whole
 * because they are small (the local authorities, reach) and for the audits, which are operators' commands and
 * read `SCHOOLS` and `ALLIANCES` whole; never for a list a caller pages through.
 */
export async function* partitionItems(
  store: Store,
  partitionKey: string,
  options: { index?: 'gsi1'; descending?: boolean } = {},
): AsyncGenerator<Item> {
  let startKey: Item | undefined;
  do {
    const result = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        IndexName: options.index ? INDEXES[options.index].name : undefined,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: {
          '#pk': options.index ? INDEXES[options.index].partitionKey : TABLE_KEYS.partitionKey,
        },
        ExpressionAttributeValues: { ':pk': partitionKey },
        ScanIndexForward: options.descending ? false : undefined,
        ExclusiveStartKey: startKey,
      }),
    );
    yield* result.Items ?? [];
    startKey = result.LastEvaluatedKey;
  } while (startKey);
}
