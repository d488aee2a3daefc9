import { createGraphqlServer } from '../graphql/server.js';
import { logger, metrics } from '../observability/powertools.js';
import { createRequestObserver } from '../observability/request-observer.js';
import { readLoadMarker } from '../store/load-marker.js';
import { createStore } from '../store/store.js';
import { originsFrom } from './cors.js';
import { devSignIn } from './dev-sign-in.js';
import type { DynamoDbLocal } from './dynamodb-local.js';
import { graphiqlPage } from './graphiql-page.js';
import { createGraphqlHandler } from './graphql-handler.js';
import { DATA_DIRECTORY, recordServer } from './local-data.js';
import { localIdentity, localSigningKey, signDevToken } from './local-identity.js';
import { startLocalReachProjector } from './local-reach-projector.js';
import { startLocalServer } from './local-server.js';
import { StartError } from './start-error.js';
import { webAssets } from './web-assets.js';

/** What `npm start` serves: its table in a running DynamoDB Local, and where. */
export interface LocalApiOptions {
  dynamo: DynamoDbLocal;
  tableName: string;
  port: number;
  /** Where DynamoDB Local keeps the data; null in memory. */
  dataDirectory: string | null;
  /** When `npm start` began, for the "Ready in" line. */
  started: number;
}

/**
 * The API over a running DynamoDB Local: the Lambda handler behind the local server, the reach projector on the
 * table's stream, the staff workspace and GraphiQL. Imported by `npm start` while Java starts, so loading this
 * module (graphql-js, the schema, Powertools) costs no time of its own. Answers a function that stops the projector.
 */
export async function serveLocalApi(options: LocalApiOptions): Promise<() => Promise<void>> {
  const { dynamo, tableName, port } = options;
  const store = createStore({ tableName, endpoint: dynamo.endpoint });
  if (options.dataDirectory) {
    const marker = await readLoadMarker(store).catch(() => undefined);
    if (marker?.state !== 'COMPLETE') {
      throw new StartError(
        `The data kept in ${options.dataDirectory} is from a load that did not finish: run npm start -- --fresh`,
      );
    }
  }
  // The Lambda's request log, on the terminal (`npm start` sets POWERTOOLS_DEV: indented, metrics off).
  const observer = createRequestObserver({ logger, metrics });
  const handler = observer.wrap(
    createGraphqlHandler({
      server: createGraphqlServer({ introspection: true, development: true, plugins: [observer.plugin] }),
      store,
      identify: localIdentity(localSigningKey()),
      allowedOrigins: originsFrom(process.env.ALLOWED_ORIGINS ?? '*'),
      prefetchLocalAuthorities: true,
      askConsumedCapacity: true,
    }),
  );
  // Started beside the server rather than before it: the stream is on since the load and keeps every change until
  // the poller reads it, so a change made while the poller starts is projected as soon as it has.
  const projector = startLocalReachProjector(store, dynamo.endpoint, {
    onError: (error) => logger.error('Reach projection failed; the batch is retried', { error }),
  });
  projector.catch((error) => logger.error('The reach projector did not start', { error }));
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
      table: tableName,
      graphql,
      dataDirectory: options.dataDirectory ? DATA_DIRECTORY : null,
    }),
  );
  await printWelcome(options, graphql);
  return () =>
    projector.then(
      (started) => started.stop(),
      () => undefined,
    );
}

async function printWelcome({ started, port, dynamo, tableName }: LocalApiOptions, graphql: string): Promise<void> {
  console.log(`\nReady in ${((performance.now() - started) / 1000).toFixed(1)} s. GraphQL: ${graphql}`);
  console.log(`Staff workspace: http://localhost:${port}/ (development sign-in: http://localhost:${port}/dev/sign-in)`);
  console.log(
    `DynamoDB Local: ${dynamo.endpoint} (table "${tableName}"; npm run coverage:audit finds it by itself). ` +
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
