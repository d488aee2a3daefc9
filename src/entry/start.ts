import './quiet-sdk-node-warning.js';
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.js';
import { ensureGraphiqlBuild } from './graphiql-page.js';
import { DATA_DIRECTORY, dataStamp, keptDataMatches, replaceKeptData, runningServer } from './local-data.js';
import { shippedDatabaseFits, shippedDatabaseKey, unpackShippedDatabase } from './shipped-database.js';
import { loadShipped, scratchDirectory, withShippedLoad } from './shipped-load.js';
import { StartError } from './start-error.js';
import { ensureWebBuild } from './web-assets.js';

const TABLE = 'registry';

const usage = `Usage: npm start [-- --fresh | --in-memory] [--load]

Serves GraphQL on http://localhost:PORT/graphql (PORT defaults to 4000) over DynamoDB Local holding the shipped
2018 registry. A first start copies the registry, loaded already, from data/registry.dynamodb-local.db.br (made by
npm run seed from the shipped files). The data is kept in .local/dynamodb/ and reused on the next start while the
shipped files and the code that shapes stored data are unchanged; changes made through the API are kept with it.

  --fresh       start again from the shipped registry, dropping the kept data
  --in-memory   keep nothing on disk: the data is in memory-backed scratch storage, removed on exit (two servers
                can then run side by side in one checkout)
  --load        load the shipped files through the importer (about a minute) rather than copy the loaded registry`;

/**
 * `npm start`: DynamoDB Local (its data kept under .local/ unless --in-memory), holding the shipped 2018 registry
 * (copied loaded, or loaded from the files), and GraphQL on http://localhost:PORT/graphql. Ctrl-C, a crash or a
 * failed start stop Java too.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const { values } = parseArgs({
    options: {
      fresh: { type: 'boolean' },
      'in-memory': { type: 'boolean' },
      load: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
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
  // The staff workspace and GraphiQL build (when stale: on a fresh clone) while the data and Java get ready.
  const assets = Promise.all([ensureWebBuild(), ensureGraphiqlBuild()]);
  assets.catch(() => undefined);
  // Read and hashed once: the shipped files are part of both the shipped database's key and the kept data's stamp.
  const shippedKey = shippedDatabaseKey(TABLE);
  const copyShipped = !values.load && shippedDatabaseFits(shippedKey);
  let dynamo: DynamoDbLocal;
  let api: Promise<typeof import('./local-api.js')>;
  if (inMemory && !copyShipped) {
    console.log('Starting DynamoDB Local (in memory) and loading the 2018 registry...');
    const loading = loadShipped(TABLE, undefined);
    api = loadApi();
    dynamo = (await loading).dynamo;
  } else {
    let dataDirectory = DATA_DIRECTORY;
    if (inMemory) {
      dataDirectory = scratchDirectory('registry-');
      await unpackShippedDatabase(dataDirectory).catch((error) => {
        rmSync(dataDirectory, { recursive: true, force: true });
        throw error;
      });
    } else {
      const stamp = dataStamp(shippedKey);
      if (values.fresh || !keptDataMatches(stamp)) await keepShipped(stamp, copyShipped);
    }
    console.log(`Starting DynamoDB Local over the data ${inMemory ? 'copied to' : 'kept in'} ${dataDirectory}...`);
    const starting = startDynamoDbLocal({ dataDirectory, quickStart: true, removeDataDirectory: inMemory });
    api = loadApi();
    dynamo = await starting;
    if (!inMemory) closeKept = () => dynamo.close();
  }
  await assets;
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
 * The API's modules (graphql-js, the schema, Powertools: about a second) load while Java starts, after it is spawned.
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

/** Replaces the kept data with the shipped registry: a copy of the loaded one, or loaded from the files. */
async function keepShipped(stamp: string, copyShipped: boolean): Promise<void> {
  if (copyShipped) {
    console.log(`Copying the 2018 registry, loaded already, into ${DATA_DIRECTORY}...`);
    return replaceKeptData(stamp, unpackShippedDatabase);
  }
  console.log(`Loading the 2018 registry, to keep in ${DATA_DIRECTORY}...`);
  await withShippedLoad(TABLE, (loaded) =>
    replaceKeptData(stamp, (kept) => {
      for (const name of readdirSync(loaded)) copyFileSync(join(loaded, name), join(kept, name));
    }),
  );
}

try {
  await main();
} catch (error) {
  console.error(error instanceof StartError ? error.message : error);
  process.exit(1);
}
