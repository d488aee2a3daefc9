import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { countRequests, type RequestCounter } from '../../src/store/request-counter.js';
import { createClient, createStore, ensureTable, type Store } from '../../src/store/store.js';
import { SHIPPED_TABLE } from './global-setup.js';

export interface TestStore {
  store: Store;
  requests: RequestCounter;
  /** The client under the store, for tests that add SDK middleware (fault injection). */
  client: DynamoDBClient;
}

/** A new empty table of its own on the run's DynamoDB Local, with its requests counted. */
export async function emptyStore(): Promise<TestStore> {
  const client = createClient({ endpoint: inject('dynamoEndpoint') });
  const store = createStore({ tableName: `test-${randomUUID()}`, client });
  const requests = countRequests(client);
  await ensureTable(store);
  requests.reset();
  return { store, requests, client };
}

/** The shipped 2018 registry, imported once per run. Read only: tests that change data use emptyStore. */
export function shippedStore(): TestStore {
  const client = createClient({ endpoint: inject('dynamoEndpoint') });
  return { store: createStore({ tableName: SHIPPED_TABLE, client }), requests: countRequests(client), client };
}
