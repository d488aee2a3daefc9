// `npm run bench`: its own DynamoDB Local, the shipped registry imported into it, then the costs of the
// registry's main operations, its bundle and a bounded load run; prints a markdown report and saves it to
// docs/bench.md. DynamoDB Local stops however the run ends.
import { writeFileSync } from 'node:fs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../src/entry/dynamodb-local.js';
import { createGraphqlHandler } from '../../src/entry/graphql-handler.js';
import { SHIPPED_DATA } from '../../src/entry/shipped-data.js';
import type { Caller } from '../../src/graphql/context.js';
import { createGraphqlServer } from '../../src/graphql/server.js';
import { runImport } from '../../src/import/run-import.js';
import { countRequests } from '../../src/store/request-counter.js';
import { createClient, createStore, ensureTable } from '../../src/store/store.js';
import { measureBundles } from './bundle-cost.js';
import { tallyConsumedCapacity } from './consumed-capacity.js';
import { invoke } from './invoke.js';
import { runLoad } from './load.js';
import { describeMachine } from './machine.js';
import { measure, WARMUP_RUNS, type Measurement } from './measure.js';
import { renderReport } from './report.js';
import { SCENARIOS } from './scenarios.js';
import { WORST_ACCEPTED_QUERY } from './worst-accepted.js';

const REPORT_FILE = new URL('../../docs/bench.md', import.meta.url);
const BASELINE_RUNS = 200;
const CALLER: Caller = { id: 'bench@localhost', role: 'dfe-staff', regions: [] };

async function main(dynamo: DynamoDbLocal): Promise<void> {
  const startedAt = new Date();
  const client = createClient({ endpoint: dynamo.endpoint });
  const meters = { requests: countRequests(client), capacity: tallyConsumedCapacity(client) };
  const store = createStore({ tableName: 'registry', client });
  await ensureTable(store);

  console.log('Importing the shipped 2018 registry...');
  meters.requests.reset();
  meters.capacity.reset();
  const importStarted = performance.now();
  const importRun = await runImport(store, SHIPPED_DATA);
  const importSeconds = (performance.now() - importStarted) / 1000;
  const importRequests = meters.requests.total;
  const importWriteUnits = meters.capacity.writeUnits;

  const handler = createGraphqlHandler({ server: createGraphqlServer(), store, identify: () => CALLER });
  const baseline = await measure('GetItem of one school (baseline)', BASELINE_RUNS, meters, () =>
    store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: 'SCHOOL#100000', sk: 'SCHOOL' } })),
  );
  const scenarios: Measurement[] = [];
  for (const scenario of [...SCENARIOS, WORST_ACCEPTED_QUERY]) {
    console.log(`Measuring: ${scenario.name}...`);
    const requestOf = await scenario.prepare({ graphql: (query, variables) => invoke(handler, { query, variables }) }, WARMUP_RUNS + scenario.runs);
    scenarios.push(await measure(scenario.name, scenario.runs, meters, (run) => invoke(handler, requestOf(run))));
  }

  console.log('Bundling the handler and loading it cold...');
  const bundles = await measureBundles();
  console.log('Load run on the local server...');
  const load = await runLoad(store);

  const report = renderReport({ startedAt, machine: describeMachine(), importRun, importSeconds, importRequests, importWriteUnits, baseline, scenarios, bundles, load });
  writeFileSync(REPORT_FILE, report);
  console.log(`\n${report}`);
}

// The SDK warns that releases from 2027 need Node 22; Lambda runs 22, and here the warning only clutters output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// startDynamoDbLocal stops Java on process exit; a signal must become an exit for that to run.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
console.log('Starting DynamoDB Local (in memory)...');
const dynamo = await startDynamoDbLocal();
try {
  await main(dynamo);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  dynamo.stop();
}
process.exit();
