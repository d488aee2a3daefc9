import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.js';
import {
  clearKeptData,
  DATA_DIRECTORY,
  dataStamp,
  keptDataMatches,
  runningServer,
  stampKeptData,
} from './local-data.js';
import { progressLine } from './progress.js';
import { SHIPPED_DATA } from './shipped-data.js';
import { StartError } from './start-error.js';

const TABLE = 'registry';

const usage = `Usage: npm start [-- --fresh | --in-memory]

Serves GraphQL on http://localhost:PORT/graphql (PORT defaults to 4000) over DynamoDB Local, loaded with the
shipped 2018 registry. The data is kept in .local/dynamodb/ and reused on the next start while the shipped files
and the code that shapes stored data are unchanged (else it is loaded again: about a minute on an idle two-core
machine); changes made through the API are kept with it.

  --fresh       load the shipped registry again, dropping the kept data
  --in-memory   keep nothing on disk (two servers can then run side by side in one checkout)`;

/**
 * `npm start`: DynamoDB Local (its data kept under .local/ unless --in-memory), the shipped 2018 registry loaded
 * into it when needed, and GraphQL on http://localhost:PORT/graphql. Ctrl-C, a crash or a failed start stop Java too.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const { values } = parseArgs({
    options: { fresh: { type: 'boolean' }, 'in-memory': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return console.log(usage);
  const port = Number(process.env.PORT ?? 4000);
  await assertPortFree(port);
  const inMemory = values['in-memory'] ?? false;
  const other = runningServer();
  if (!inMemory && other?.dataDirectory === DATA_DIRECTORY) {
    throw new StartError(
      `Another npm start (pid ${other.pid}) uses ${DATA_DIRECTORY}: ` +
        'stop it, or run this one with: npm start -- --in-memory',
    );
  }

  // Java stops on process exit (dynamodb-local.ts); a signal must become an exit for that to run. Kept data
  // is closed first: Java is asked to shut down, so DynamoDB Local closes its files with every write in them.
  let closeKept: (() => Promise<void>) | undefined;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => void (closeKept?.() ?? Promise.resolve()).finally(() => process.exit(code)));
  }
  const stamp = inMemory ? '' : dataStamp(TABLE);
  const reuse = !inMemory && !values.fresh && keptDataMatches(stamp);
  let dynamo: DynamoDbLocal;
  let api: Promise<typeof import('./local-api.js')>;
  if (inMemory) {
    console.log('Starting DynamoDB Local (in memory) and reading the 2018 registry...');
    const loading = loadShipped(undefined);
    api = loadApi();
    dynamo = await loading;
  } else {
    if (!reuse) {
      console.log(`Loading the 2018 registry, to keep in ${DATA_DIRECTORY}...`);
      await loadKeptData(stamp);
    }
    console.log(`Starting DynamoDB Local over the data kept in ${DATA_DIRECTORY}...`);
    const starting = startDynamoDbLocal({ dataDirectory: DATA_DIRECTORY, quickStart: true });
    api = loadApi();
    dynamo = await starting;
    closeKept = () => dynamo.close();
  }
  const stopApi = await (await api).serveLocalApi({
    dynamo,
    tableName: TABLE,
    port,
    dataDirectory: inMemory ? null : DATA_DIRECTORY,
    started,
  });
  const closeStore = closeKept;
  closeKept = async () => {
    await stopApi();
    await closeStore?.();
  };
}

/**
 * The API's modules (Apollo, the schema, Powertools: about a second) load while Java starts, after it is spawned.
 * A failure is reported where the module is awaited.
 */
function loadApi(): Promise<typeof import('./local-api.js')> {
  const api = import('./local-api.js');
  api.catch(() => undefined);
  return api;
}

/** Fails at once, before anything is loaded, when the port is taken. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartError(
              `Port ${port} is in use (another npm start?). ` +
                `Stop it, or choose another port: PORT=${port + 1} npm start`,
            )
          : error,
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/**
 * Loads the shipped registry into a new DynamoDB Local, reading the files while Java starts. With a data
 * directory, Java keeps the data there; answers the running DynamoDB Local.
 */
async function loadShipped(dataDirectory: string | undefined): Promise<DynamoDbLocal> {
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
  const store = createStore({ tableName: TABLE, endpoint: dynamo.endpoint });
  await ensureTable(store);
  const progress = progressLine('Loading the 2018 registry');
  const reports = await writePreparedLoad(store, prepared, { onProgress: progress.update });
  progress.done();
  console.log(describeImport({ reports, totals: await registryTotals(store) }));
  // On before anything is served, so the reach projector sees every change made through the API (not the load).
  await enableStream(store);
  return dynamo;
}

/**
 * Loads into a scratch directory in memory-backed storage where there is one (DynamoDB Local syncs every write
 * to disk, which makes a load on disk minutes long), then moves the finished data into DATA_DIRECTORY.
 */
async function loadKeptData(stamp: string): Promise<void> {
  const scratch = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'registry-load-'));
  try {
    const loader = await loadShipped(scratch);
    await loader.close();
    clearKeptData();
    for (const name of readdirSync(scratch)) copyFileSync(join(scratch, name), join(DATA_DIRECTORY, name));
    stampKeptData(stamp, new Date());
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// The SDK warns that releases from 2027 need Node 22; Lambda runs 24, and here the warning only clutters output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
try {
  await main();
} catch (error) {
  console.error(error instanceof StartError ? error.message : error);
  process.exit(1);
}
