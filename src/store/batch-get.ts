import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ItemKey as Key } from './keys.js';
import type { Store } from './store.js';

type Item = Record<string, unknown>;

const MAX_KEYS_PER_REQUEST = 100;
const MAX_ATTEMPTS = 5;

/**
 * Reads items by key with BatchGetItem, 100 keys a request, retrying what DynamoDB leaves unprocessed; one key
 * alone (a school page, most single lookups) with GetItem, which costs the same units and less work on both sides.
 * Answers in the order of `keys`, with undefined where no item exists. `consistent` reads strongly consistently.
 * A read waiting on the store (`Store.waitingRead`) goes out with these keys and is answered from the same requests.
 */
export async function batchGet(
  store: Store,
  keyList: readonly Key[],
  options: { consistent?: boolean } = {},
): Promise<(Item | undefined)[]> {
  const waiting = store.waitingRead?.();
  if (!waiting) return readByKey(store, keyList, options);
  let read: (Item | undefined)[];
  try {
    read = await readByKey(store, [waiting.key, ...keyList], options);
  } catch (error) {
    waiting.failed(error);
    throw error;
  }
  const [item, ...items] = read;
  waiting.found(item);
  return items;
}

async function readByKey(
  store: Store,
  keyList: readonly Key[],
  options: { consistent?: boolean },
): Promise<(Item | undefined)[]> {
  const [only, ...others] = dedupe(keyList);
  if (only && others.length === 0) {
    const result = await store.doc.send(
      new GetCommand({ TableName: store.tableName, Key: only, ConsistentRead: options.consistent }),
    );
    return keyList.map(() => result.Item);
  }
  const found = new Map<string, Item>();
  for (let start = 0; start < keyList.length; start += MAX_KEYS_PER_REQUEST) {
    let pending: Key[] = dedupe(keyList.slice(start, start + MAX_KEYS_PER_REQUEST));
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > MAX_ATTEMPTS)
        throw new Error(`BatchGetItem left ${pending.length} keys unprocessed after ${MAX_ATTEMPTS} attempts`);
      if (attempt > 1) await delay(25 * 2 ** attempt);
      const result = await store.doc.send(
        new BatchGetCommand({
          RequestItems: { [store.tableName]: { Keys: pending, ConsistentRead: options.consistent } },
        }),
      );
      for (const item of result.Responses?.[store.tableName] ?? []) found.set(id(item as Key), item);
      pending = (result.UnprocessedKeys?.[store.tableName]?.Keys ?? []) as Key[];
    }
  }
  return keyList.map((key) => found.get(id(key)));
}

function id(key: Key): string {
  return `${key.pk}\u0000${key.sk}`;
}

function dedupe(keyList: readonly Key[]): Key[] {
  return [...new Map(keyList.map((key) => [id(key), { pk: key.pk, sk: key.sk }])).values()];
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
