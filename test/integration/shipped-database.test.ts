import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../src/entry/dynamodb-local.js';
import { shippedDatabaseFits, shippedDatabaseKey, unpackShippedDatabase } from '../../src/entry/shipped-database.js';
import { scratchDirectory } from '../../src/entry/shipped-load.js';
import { createStore, type Store } from '../../src/store/store.js';
import { shippedStore } from '../support/store.js';

type Item = Record<string, unknown>;

const TABLE = 'registry';
let shipped: DynamoDbLocal;

beforeAll(async () => {
  const directory = scratchDirectory('registry-shipped-test-');
  await unpackShippedDatabase(directory);
  shipped = await startDynamoDbLocal({ dataDirectory: directory, removeDataDirectory: true });
});
afterAll(() => shipped?.stop());

/** Scan segments read side by side: DynamoDB Local's scan pages take longer the more of the table they span. */
const SEGMENTS = 8;

/**
 * Every item of a table, each as JSON with the moments and ids of its load masked (when it was loaded and an audit
 * event's id differ from one load to the next), sorted.
 */
async function loadedItems(store: Store): Promise<string[]> {
  const items: string[] = [];
  const scanSegment = async (segment: number) => {
    let startKey: Item | undefined;
    do {
      const page = await store.doc.send(
        new ScanCommand({
          TableName: store.tableName,
          Segment: segment,
          TotalSegments: SEGMENTS,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        items.push(
          JSON.stringify(sortedKeys(item))
            .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<moment>')
            .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>'),
        );
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  };
  await Promise.all(Array.from({ length: SEGMENTS }, (_, segment) => scanSegment(segment)));
  return items.sort();
}

/** The value with every object's keys in order, so equal items stringify alike. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value instanceof Set) return [...value].sort().map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((name) => [name, sortedKeys(object[name])]),
  );
}

describe('the shipped database (data/registry.dynamodb-local.db.br), which npm start copies', () => {
  it('was made from the shipped files and table definition, for the DynamoDB Local installed', () => {
    expect(shippedDatabaseFits(shippedDatabaseKey(TABLE))).toBe(true);
  });

  it('holds exactly the items importing the shipped files writes now (if not, run npm run seed)', async () => {
    const [copied, imported] = await Promise.all([
      loadedItems(createStore({ tableName: TABLE, endpoint: shipped.endpoint })),
      loadedItems(shippedStore().store),
    ]);

    const importedSet = new Set(imported);
    const copiedSet = new Set(copied);
    expect(copied.filter((item) => !importedSet.has(item)).slice(0, 5)).toEqual([]);
    expect(imported.filter((item) => !copiedSet.has(item)).slice(0, 5)).toEqual([]);
    expect(copied).toHaveLength(imported.length);
  }, 300_000);
});
