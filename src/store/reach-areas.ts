import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChange } from '../domain/errors.js';
import type { SchoolReach } from '../domain/reach.js';
import { batchGet } from './batch-get.js';
import { keys } from './keys.js';
import { partitionItems } from './partition-items.js';
import {
  fromReachAreaItem,
  fromReachStateItem,
  toReachAreaItem,
  toReachStateItem,
  type ReachState,
  type StoredReachArea,
} from './reach-items.js';
import type { Store } from './store.js';

/** Items a DynamoDB transaction takes, less one for the state item. */
const AREAS_PER_TRANSACTION = 99;

/** Every area and the state, in one Query of the REACH partition (two or three pages for England). */
export async function readAllReach(store: Store): Promise<{ areas: Map<string, StoredReachArea>; state: ReachState }> {
  const areas = new Map<string, StoredReachArea>();
  let state: Record<string, unknown> | undefined;
  // Descending, so the state (sk `STATE`) comes before every area (`AREA#...`): each area read is at least as new
  // as the state's version, which is what makes the areas safe to keep until that version moves (reach-cache.ts).
  for await (const item of partitionItems(store, keys.reachPartition, { descending: true })) {
    if (item.sk === keys.reachState.sk) state = item;
    else if (String(item.sk).startsWith(keys.reachAreaPrefix)) {
      const area = fromReachAreaItem(item);
      areas.set(area.laCode, area);
    }
  }
  return { areas, state: fromReachStateItem(state) };
}

/** Some areas (an empty one, version 0, where none is stored) and the state, read in one BatchGetItem. */
export async function readReachAreas(
  store: Store,
  codes: readonly string[],
  options: { consistent?: boolean } = {},
): Promise<{ areas: StoredReachArea[]; state: ReachState }> {
  const [state, ...found] = await batchGet(store, [keys.reachState, ...codes.map(keys.reachArea)], options);
  return {
    state: fromReachStateItem(state),
    areas: codes.map((laCode, index) => {
      const item = found[index];
      return item ? fromReachAreaItem(item) : { laCode, version: 0, schools: [] };
    }),
  };
}

/** The state alone, read consistently (the projector's first read). */
export async function readReachState(store: Store): Promise<ReachState> {
  const result = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: keys.reachState, ConsistentRead: true }),
  );
  return fromReachStateItem(result.Item);
}

/** An area's new schools, to be written over the version it was read at. */
export interface AreaWrite {
  laCode: string;
  readVersion: number;
  schools: readonly SchoolReach[];
}

/**
 * Writes changed areas and then the state, each conditional on the version it was read at, in transactions of
 * up to 100 items (one when the areas fit, as they almost always do). Another writer in between makes it throw
 * ConcurrentChange: read again and recompute. Areas written by an earlier, interrupted transaction are correct
 * already, so a retry recomputes the same values and writes only what is still missing.
 */
export async function writeReach(
  store: Store,
  areas: readonly AreaWrite[],
  state: ReachState & { readVersion: number },
): Promise<void> {
  const puts = areas.map((area) =>
    conditionalPut(store, toReachAreaItem(area.laCode, area.schools, area.readVersion + 1), area.readVersion),
  );
  const stateItem = conditionalPut(
    store,
    toReachStateItem({ ...state, version: state.readVersion + 1 }),
    state.readVersion,
  );
  for (let start = 0; start < puts.length || start === 0; start += AREAS_PER_TRANSACTION) {
    const chunk = puts.slice(start, start + AREAS_PER_TRANSACTION);
    const last = start + AREAS_PER_TRANSACTION >= puts.length;
    await transact(store, last ? [...chunk, stateItem] : chunk);
  }
}

function conditionalPut(store: Store, item: Record<string, unknown>, readVersion: number) {
  return {
    Put: {
      TableName: store.tableName,
      Item: item,
      ConditionExpression: readVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :read',
      ExpressionAttributeValues: readVersion === 0 ? undefined : { ':read': readVersion },
    },
  };
}

async function transact(store: Store, items: ReturnType<typeof conditionalPut>[]): Promise<void> {
  try {
    await store.doc.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      throw new ConcurrentChange('Reach changed since it was read', { cause: error });
    }
    throw error;
  }
}
