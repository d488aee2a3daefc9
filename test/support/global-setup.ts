import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../src/entry/dynamodb-local.js';
import { SHIPPED_DATA } from '../../src/entry/shipped-data.js';
import { runImport, type ImportRun } from '../../src/import/run-import.js';
import { createStore, ensureTable } from '../../src/store/store.js';

/** The read-only table holding the shipped 2018 registry, imported once per run. Tests must not change it. */
export const SHIPPED_TABLE = 'registry-2018';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    shippedImport: ImportRun;
  }
}

/** One DynamoDB Local for the whole run, and the shipped registry loaded into it once. */
export default async function setup(project: TestProject): Promise<() => void> {
  const dynamo = await startDynamoDbLocal();
  try {
    const store = createStore({ tableName: SHIPPED_TABLE, endpoint: dynamo.endpoint });
    await ensureTable(store);
    const run = await runImport(store, SHIPPED_DATA);
    project.provide('dynamoEndpoint', dynamo.endpoint);
    project.provide('shippedImport', run);
  } catch (error) {
    dynamo.stop();
    throw error;
  }
  return () => dynamo.stop();
}
