import { describeImport, runImport } from '../import/run-import.js';
import { createGraphqlServer } from '../graphql/server.js';
import { createStore, ensureTable } from '../store/store.js';
import { startDynamoDbLocal } from './dynamodb-local.js';
import { createGraphqlHandler } from './graphql-handler.js';
import { startLocalServer } from './local-server.js';
import { localIdentity, localSigningKey, signDevToken } from './local-identity.js';
import { SHIPPED_DATA } from './shipped-data.js';
import { devSignIn } from './dev-sign-in.js';
import { ensureWebBuild, webAssets } from './web-assets.js';

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
      identify: localIdentity(localSigningKey()),
    });
    ensureWebBuild();
    await startLocalServer({ handler, port, routes: [devSignIn(localSigningKey()), webAssets()] });
    console.log(`\nLoaded in ${((Date.now() - started) / 1000).toFixed(1)} s. GraphQL: http://localhost:${port}/graphql`);
    console.log(`Staff workspace: http://localhost:${port}/ (development sign-in: http://localhost:${port}/dev/sign-in)`);
    console.log(`DynamoDB Local: ${dynamo.endpoint} (table "registry"). Ctrl-C stops both.`);
    const token = await signDevToken(localSigningKey(), { role: 'dfe-staff' });
    console.log('\nEvery request needs a bearer token. A dfe-staff one, valid 8 hours:');
    console.log(`  export TOKEN=${token}`);
    console.log('Others: npm run token -- --role tsc-staff --region "North West"   or   npm run token -- --role partner');
    console.log(`Try:\n  curl -s localhost:${port}/graphql -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`);
    console.log(`    -d '{"query":"{ school(urn: \\"100000\\") { name localAuthority { code name } } }"}'`);
  } catch (error) {
    console.error(error);
    shutdown(1);
  }
}

await main();
