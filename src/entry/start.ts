import { describeImport, runImport } from '../import/run-import.js';
import { createGraphqlServer } from '../graphql/server.js';
import { logger, metrics, tracer } from '../observability/powertools.js';
import { createRequestObserver } from '../observability/request-observer.js';
import { countRequests } from '../store/request-counter.js';
import { createClient, createStore, ensureTable } from '../store/store.js';
import { startDynamoDbLocal } from './dynamodb-local.js';
import { originsFrom } from './cors.js';
import { createGraphqlHandler } from './graphql-handler.js';
import { startLocalServer } from './local-server.js';
import { localIdentity, localSigningKey, signDevToken } from './local-identity.js';
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
    const client = createClient({ endpoint: dynamo.endpoint });
    const store = createStore({ tableName: 'registry', client });
    await ensureTable(store);
    console.log('Loading the 2018 registry (GIAS establishments and NCTL teaching schools)...');
    const run = await runImport(store, SHIPPED_DATA);
    console.log(describeImport(run));
    // The Lambda's request log, on the terminal (`npm start` sets POWERTOOLS_DEV: indented, metrics off).
    const requests = countRequests(client, { askConsumedCapacity: true });
    const observer = createRequestObserver({ requests, logger, metrics, tracer });
    const handler = observer.wrap(
      createGraphqlHandler({
        server: createGraphqlServer({ introspection: true, development: true, plugins: [observer.plugin] }),
        store,
        identify: localIdentity(localSigningKey()),
        graphiql: true,
        allowedOrigins: originsFrom(process.env.ALLOWED_ORIGINS ?? '*'),
      }),
    );
    await startLocalServer({ handler, port });
    console.log(`\nLoaded in ${((Date.now() - started) / 1000).toFixed(1)} s. GraphQL: http://localhost:${port}/graphql`);
    console.log(`DynamoDB Local: ${dynamo.endpoint} (table "registry"). Ctrl-C stops both.`);
    const token = await signDevToken(localSigningKey(), { role: 'dfe-staff' });
    console.log('\nEvery request needs a bearer token. A dfe-staff one, valid 8 hours:');
    console.log(`  export TOKEN=${token}`);
    console.log('Others: npm run token -- --role tsc-staff --region "North West"   or   npm run token -- --role partner');
    const headers = `-H "authorization: Bearer $TOKEN" -H 'content-type: application/json'`;
    console.log(`Try:\n  curl -s localhost:${port}/graphql ${headers} \\`);
    console.log(`    -d '{"query":"{ school(urn: \\"100000\\") { name localAuthority { code name } } }"}'`);
  } catch (error) {
    console.error(error);
    shutdown(1);
  }
}

await main();
