import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareFreshLoad, writePreparedLoad } from '../import/fresh-load.js';
import { describeImport, registryTotals } from '../import/run-import.js';
import { createGraphqlServer } from '../graphql/server.js';
import { logger, metrics } from '../observability/powertools.js';
import { createRequestObserver } from '../observability/request-observer.js';
import { readLoadMarker } from '../store/load-marker.js';
import { countRequests } from '../store/request-counter.js';
import { createClient, createStore, ensureTable, type Store } from '../store/store.js';
import { startLocalReachProjector } from './local-reach-projector.js';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.js';
import { originsFrom } from './cors.js';
import { createGraphqlHandler } from './graphql-handler.js';
import {
  clearKeptData,
  DATA_DIRECTORY,
  dataStamp,
  keptDataMatches,
  recordServer,
  runningServer,
  stampKeptData,
} from './local-data.js';
import { startLocalServer } from './local-server.js';
import { localIdentity, localSigningKey, signDevToken } from './local-identity.js';
import { progressLine } from './progress.js';
import { SHIPPED_DATA } from './shipped-data.js';
import { devSignIn } from './dev-sign-in.js';
import { ensureGraphiqlBuild, graphiqlPage } from './graphiql-page.js';
import { ensureWebBuild, webAssets } from './web-assets.js';

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
  if (inMemory) {
    console.log('Starting DynamoDB Local (in memory) and reading the 2018 registry...');
    dynamo = await loadShipped(undefined);
  } else {
    if (!reuse) {
      console.log(`Loading the 2018 registry, to keep in ${DATA_DIRECTORY}...`);
      await loadKeptData(stamp);
    }
    console.log(`Starting DynamoDB Local over the data kept in ${DATA_DIRECTORY}...`);
    dynamo = await startDynamoDbLocal({ dataDirectory: DATA_DIRECTORY });
    closeKept = () => dynamo.close();
  }
  const client = createClient({ endpoint: dynamo.endpoint });
  const store = createStore({ tableName: TABLE, client });
  if (!inMemory) await assertLoadComplete(store);
  // The Lambda's request log, on the terminal (`npm start` sets POWERTOOLS_DEV: indented, metrics off).
  const requests = countRequests(client, { askConsumedCapacity: true });
  const observer = createRequestObserver({ requests, logger, metrics });
  const handler = observer.wrap(
    createGraphqlHandler({
      server: createGraphqlServer({ introspection: true, development: true, plugins: [observer.plugin] }),
      store,
      identify: localIdentity(localSigningKey()),
      allowedOrigins: originsFrom(process.env.ALLOWED_ORIGINS ?? '*'),
    }),
  );
  // Started beside the server rather than before it (turning the stream on takes about a second): the stream keeps
  // every change until the poller reads it, so a change made meanwhile is projected as soon as it starts.
  const projector = startLocalReachProjector(store, dynamo.endpoint, {
    onError: (error) => logger.error('Reach projection failed; the batch is retried', { error }),
  });
  projector.catch((error) => logger.error('The reach projector did not start', { error }));
  const closeStore = closeKept;
  closeKept = async () => {
    await projector.then(
      (started) => started.stop(),
      () => undefined,
    );
    await closeStore?.();
  };
  ensureWebBuild();
  ensureGraphiqlBuild();
  await startLocalServer({
    handler,
    port,
    graphiql: graphiqlPage,
    routes: [devSignIn(localSigningKey()), webAssets()],
  });
  const graphql = `http://localhost:${port}/graphql`;
  process.once(
    'exit',
    recordServer({
      pid: process.pid,
      endpoint: dynamo.endpoint,
      table: TABLE,
      graphql,
      dataDirectory: inMemory ? null : DATA_DIRECTORY,
    }),
  );
  console.log(`\nReady in ${((performance.now() - started) / 1000).toFixed(1)} s. GraphQL: ${graphql}`);
  console.log(`Staff workspace: http://localhost:${port}/ (development sign-in: http://localhost:${port}/dev/sign-in)`);
  console.log(
    `DynamoDB Local: ${dynamo.endpoint} (table "${TABLE}"; npm run coverage:audit finds it by itself). ` +
      'Ctrl-C stops both.',
  );
  console.log(
    "Reach projector: following the table's stream, as the Lambda function does in AWS (npm run reach:audit).",
  );
  const token = await signDevToken(localSigningKey(), { role: 'dfe-staff' });
  console.log('\nEvery request needs a bearer token. A dfe-staff one, valid 8 hours:');
  console.log(`  export TOKEN=${token}`);
  console.log('Others: npm run token -- --role tsc-staff --region "North West"   or   npm run token -- --role partner');
  console.log(
    `Try:\n  curl -s localhost:${port}/graphql -H "authorization: Bearer $TOKEN" ` +
      `-H 'content-type: application/json' \\`,
  );
  console.log(`    -d '{"query":"{ school(urn: \\"100000\\") { name localAuthority { code name } } }"}'`);
}

/** A start refused for a reason the user can act on: printed without a stack. */
class StartError extends Error {}

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
  const [dynamo, prepared] = await Promise.all([startDynamoDbLocal({ dataDirectory }), prepareFreshLoad(SHIPPED_DATA)]);
  const store = createStore({ tableName: TABLE, endpoint: dynamo.endpoint });
  await ensureTable(store);
  const progress = progressLine('Loading the 2018 registry');
  const reports = await writePreparedLoad(store, prepared, { onProgress: progress.update });
  progress.done();
  console.log(describeImport({ reports, totals: await registryTotals(store) }));
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

/** Kept data is served only if its load finished; otherwise the user is told how to reload. */
async function assertLoadComplete(store: Store): Promise<void> {
  const marker = await readLoadMarker(store).catch(() => undefined);
  if (marker?.state !== 'COMPLETE') {
    throw new StartError(
      `The data kept in ${DATA_DIRECTORY} is from a load that did not finish: run npm start -- --fresh`,
    );
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
