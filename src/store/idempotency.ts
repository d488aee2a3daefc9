import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys.js';
import type { Store } from './store.js';
import { TIME_TO_LIVE_ATTRIBUTE } from './table-definition.js';

/** What an idempotency key keeps: which mutation, a hash of its input, and the ids of what it made. */
export interface IdempotencyRecord {
  mutation: string;
  inputHash: string;
  result: Record<string, string>;
}

/** How long a key is kept; DynamoDB's TTL removes it afterwards (TIME_TO_LIVE_ATTRIBUTE). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

export async function getIdempotencyRecord(
  store: Store,
  callerId: string,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  const result = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: keys.idempotency(callerId, key), ConsistentRead: true }),
  );
  // TTL deletes expired items within days, not at once: an expired key counts as absent.
  if (!result.Item || (result.Item[TIME_TO_LIVE_ATTRIBUTE] as number) * 1000 < Date.now()) return undefined;
  return {
    mutation: result.Item.mutation as string,
    inputHash: result.Item.inputHash as string,
    result: result.Item.result as Record<string, string>,
  };
}
