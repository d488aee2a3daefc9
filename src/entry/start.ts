import { describeImport, runImport } from '../import/run-import.js';
import { createGraphqlServer } from '../graphql/server.js';
import { createStore, ensureTable } from '../store/store.js';
import { startDynamoDbLocal } from './dynamodb-local.js';
import { createGraphqlHandler } from './graphql-handler.js';
import { startLocalServer } from './local-server.js';
import { DEVELOPER } from './developer.js';
import { SHIPPED_DATA } from './shipped-data.js';

/**
 * `npm start`: DynamoDB Local in memory, the shipped 2018 registry loaded into it, and GraphQL on
 * http://localhost:PORT/graphql. Ctrl-C, a crash or a failed start stop Java too.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const port = Number(process.env.PORT ?? 4000);
  console.log('Starting DynamoDB Local (in memory)...');
  const dynamo = await startDynamoDbLocal();
  const shutdown = (code: number) => {
    dynamo.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => shutdown(0));
  process.once('SIGTERM', () => shutdown(0));
  process.once('uncaughtException', (error) => {
    console.error(error);
    shutdown(1);
  });

  try {
    const store = createStore({ tableName: 'registry', endpoint: dynamo.endpoint });
    await ensureTable(store);
    console.log('Loading the 2018 registry (GIAS establishments and NCTL teaching schools)...');
    const run = await runImport(store, SHIPPED_DATA);
    console.log(describeImport(run));
    const handler = createGraphqlHandler({
      server: createGraphqlServer({ introspection: true, development: true }),
      store,
      identify: () => DEVELOPER,
    });
    await startLocalServer({ handler, port });
    console.log(`\nLoaded in ${((Date.now() - started) / 1000).toFixed(1)} s. GraphQL: http://localhost:${port}/graphql`);
    console.log(`DynamoDB Local: ${dynamo.endpoint} (table "registry"). Ctrl-C stops both.`);
  } catch (error) {
    console.error(error);
    shutdown(1);
  }
}

await main();
