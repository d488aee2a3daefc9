import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.js';
import { progressLine } from './progress.js';
import { SHIPPED_DATA } from './shipped-data.js';

/** What a load of the shipped files left: the running DynamoDB Local, and the items written. */
export interface ShippedLoad {
  dynamo: DynamoDbLocal;
  items: number;
}

/**
 * Loads the shipped files into a new DynamoDB Local (the fast path for an empty table), reading the files while
 * Java starts; with a data directory, Java keeps the data there. The table's stream is turned on last, before
 * anything is served, so the reach projector sees every change made through the API and none of the load.
 */
export async function loadShipped(tableName: string, dataDirectory: string | undefined): Promise<ShippedLoad> {
  const java = startDynamoDbLocal({ dataDirectory });
  const [
    { prepareFreshLoad, writePreparedLoad },
    { describeImport, registryTotals },
    { createStore, enableStream, ensureTable },
  ] = await Promise.all([
    import('../import/fresh-load.js'),
    import('../import/run-import.js'),
    import('../store/store.js'),
  ]);
  const [dynamo, prepared] = await Promise.all([java, prepareFreshLoad(SHIPPED_DATA)]);
  const store = createStore({ tableName, endpoint: dynamo.endpoint });
  await ensureTable(store);
  const progress = progressLine('Loading the 2018 registry');
  const reports = await writePreparedLoad(store, prepared, { onProgress: progress.update });
  progress.done();
  console.log(describeImport({ reports, totals: await registryTotals(store) }));
  await enableStream(store);
  return { dynamo, items: prepared.items.length + prepared.counters.length };
}

/**
 * Loads the shipped files into a scratch directory in memory-backed storage where there is one (DynamoDB Local
 * syncs every write to disk, which makes a load on disk minutes long), stops Java so its data file is whole, and
 * hands the directory and the number of items written to `use`; the scratch directory is removed after.
 */
export async function withShippedLoad(
  tableName: string,
  use: (directory: string, items: number) => Promise<void> | void,
): Promise<void> {
  const scratch = scratchDirectory('registry-load-');
  try {
    const { dynamo, items } = await loadShipped(tableName, scratch);
    await dynamo.close();
    await use(scratch, items);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A new directory in memory-backed storage (/dev/shm) where there is one, else in the system's temporary one. */
export function scratchDirectory(prefix: string): string {
  return mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), prefix));
}
