import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet } from './batch-get.js';
import { type GridSquareChange, packedEntriesOf, toGridSquareItem } from './grid-square-items.js';
import { keys } from './keys.js';
import type { Store } from './store.js';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/**
 * The writes of grid-square changes, for the transaction of the change that moves them: each square read
 * (strongly consistently), its entries changed, and the item written back only if still at the version read
 * (Put, or Delete when no school is left). A writer that changed the square meanwhile fails the transaction,
 * and the caller reads again and retries, so no entry of a concurrent change is lost.
 */
export async function gridSquareWrites(store: Store, changes: readonly GridSquareChange[]): Promise<TransactItem[]> {
  if (changes.length === 0) return [];
  const squares = changes.map(({ square }) => keys.gridSquare(square.column, square.row));
  const items = await batchGet(store, squares, { consistent: true });
  return changes.flatMap(({ square, entries: changed }, position): TransactItem[] => {
    const item = items[position];
    const version = typeof item?.version === 'number' ? item.version : null;
    const entries = packedEntriesOf(item);
    for (const [urn, entry] of changed) {
      if (entry === null) entries.delete(urn);
      else entries.set(urn, entry);
    }
    const condition =
      version === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': version } };
    if (entries.size > 0) {
      const written = toGridSquareItem(square, entries, (version ?? 0) + 1);
      return [{ Put: { TableName: store.tableName, Item: written, ...condition } }];
    }
    return version === null ? [] : [{ Delete: { TableName: store.tableName, Key: squares[position]!, ...condition } }];
  });
}
