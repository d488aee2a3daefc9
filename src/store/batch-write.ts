import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './store.js';

type Item = Record<string, unknown>;

/** DynamoDB's limit on the puts of one BatchWriteItem request. */
const MAX_ITEMS_PER_REQUEST = 25;

export interface BatchWriteOptions {
  /**
   * How many BatchWriteItem requests are in flight at once.
   * @default 4
   */
  concurrency?: number;
  /**
   * Attempts per request before the items DynamoDB leaves unprocessed fail the write.
   * @default 8
   */
  maxAttempts?: number;
  /** Called as items are written, with items written so far and in all. */
  onProgress?: (written: number, total: number) => void;
}

/**
 * Puts items with BatchWriteItem, 25 a request and several requests in flight, retrying what DynamoDB leaves
 * unprocessed with exponential backoff. Unconditional: only for a table no one else writes yet (the fresh load).
 */
export async function batchPut(store: Store, items: readonly Item[], options: BatchWriteOptions = {}): Promise<void> {
  const maxAttempts = options.maxAttempts ?? 8;
  let next = 0;
  let written = 0;
  const worker = async () => {
    while (next < items.length) {
      const chunk = items.slice(next, next + MAX_ITEMS_PER_REQUEST);
      next += chunk.length;
      let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 1; pending.length > 0; attempt += 1) {
        if (attempt > maxAttempts)
          throw new Error(`BatchWriteItem left ${pending.length} items unprocessed after ${maxAttempts} attempts`);
        if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt * Math.random()));
        const result = await store.doc.send(new BatchWriteCommand({ RequestItems: { [store.tableName]: pending } }));
        pending = (result.UnprocessedItems?.[store.tableName] ?? []) as typeof pending;
      }
      written += chunk.length;
      options.onProgress?.(written, items.length);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
}
