// `npm run bench`: its own DynamoDB Local, the shipped registry imported into it, then issue 12's targets (each
// a ratio to a baseline measured in the same run), the costs of the registry's main operations, and a bounded
// load run; prints a markdown report, and writes it to docs/bench.md with --write. DynamoDB Local stops however
// the run ends.
import '../../src/entry/quiet-sdk-node-warning.js';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../src/entry/dynamodb-local.js';
import { createGraphqlHandler } from '../../src/entry/graphql-handler.js';
import { SHIPPED_DATA } from '../../src/entry/shipped-data.js';
import type { Caller } from '../../src/graphql/context.js';
import { createGraphqlServer } from '../../src/graphql/server.js';
import { runImport } from '../../src/import/run-import.js';
import { keys } from '../../src/store/keys.js';
import { countRequests } from '../../src/store/request-counter.js';
import { createClient, createStore, ensureTable } from '../../src/store/store.js';
import { measureColdStarts } from './cold-start.js';
import { measureProjection, PROJECTION_PLACES } from './reach-projection.js';
import { tallyConsumedCapacity } from './consumed-capacity.js';
import { invoke } from './invoke.js';
import { LOAD_QUERY } from './load.js';
import { describeMachine } from './machine.js';
import { measure, WARMUP_RUNS, type Measurement } from './measure.js';
import { renderReport } from './report.js';
import { SCENARIOS } from './scenarios.js';
import { measureImportRatio, measureStarts, measureThroughputRatio } from './targets.js';
import { WORST_ACCEPTED_QUERY } from './worst-accepted.js';

const usage = `Usage: npm run bench [-- --write] [--skip-start]

Starts its own DynamoDB Local (in memory), imports the shipped 2018 registry, and measures, each as a ratio to
a baseline measured in the same run: npm start (first start and restart, from spawn to first answer), the import
against raw BatchWriteItem of as many items, the Lambda bundle's cold start against a bare GetItem bundle (with
and without source maps), bundle size, DynamoDB requests of school(urn) { name localAuthority { code name } },
local server throughput against raw GetItem; then the requests, capacity and latency of the main operations.
Prints a markdown report; takes several minutes.

  --write        also write the report to docs/bench.md
  --skip-start   leave out the two npm start timings (each runs a whole start)
  -h, --help     print this and run nothing`;

const REPORT_FILE = new URL('../../docs/bench.md', import.meta.url);
const BASELINE_RUNS = 200;
const LOAD_SECONDS = 10;
const LOAD_CONNECTIONS = 10;
const CALLER: Caller = { id: 'bench@localhost', role: 'dfe-staff', regions: [] };

async function main(dynamo: DynamoDbLocal, options: { write: boolean; skipStart: boolean }): Promise<void> {
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

  console.log('Import against raw BatchWriteItem...');
  const importRatio = await measureImportRatio(dynamo.endpoint, 0);

  const handler = createGraphqlHandler({ server: createGraphqlServer(), store, identify: () => CALLER });
  await invoke(handler, { query: LOAD_QUERY });
  meters.requests.reset();
  await invoke(handler, { query: LOAD_QUERY });
  const schoolAndAuthorityRequests = meters.requests.total;

  const baseline = await measure('GetItem of one school (baseline)', BASELINE_RUNS, meters, () =>
    store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.school('100000') })),
  );
  const scenarios: Measurement[] = [];
  for (const scenario of [...SCENARIOS, WORST_ACCEPTED_QUERY]) {
    console.log(`Measuring: ${scenario.name}...`);
    const requestOf = await scenario.prepare(
      { graphql: (query, variables) => invoke(handler, { query, variables }) },
      WARMUP_RUNS + scenario.runs,
    );
    scenarios.push(await measure(scenario.name, scenario.runs, meters, (run) => invoke(handler, requestOf(run))));
  }

  console.log("The reach projector's work for one designation...");
  const bench = { graphql: (query: string) => invoke(handler, { query }) };
  const projections = [];
  for (const place of PROJECTION_PLACES)
    projections.push(await measureProjection(bench, store, meters.requests, place));

  console.log('Cold starts of the bundled handler and a bare GetItem bundle...');
  const coldStarts = [
    measureColdStarts(dynamo.endpoint, store.tableName, false),
    measureColdStarts(dynamo.endpoint, store.tableName, true),
  ];
  console.log('Load runs on the local server, and raw GetItem at as many requests in flight, interleaved...');
  const { load, rawGetItemsPerSecond } = await measureThroughputRatio(store, {
    seconds: LOAD_SECONDS,
    connections: LOAD_CONNECTIONS,
  });
  let starts: Awaited<ReturnType<typeof measureStarts>> | undefined;
  if (!options.skipStart) {
    console.log('npm start: first start, then restart...');
    starts = await measureStarts();
  }

  const report = renderReport({
    startedAt,
    machine: describeMachine(),
    importRun,
    importSeconds,
    importRequests,
    importWriteUnits,
    baseline,
    scenarios,
    coldStarts,
    projections,
    load,
    targets: { importRatio, schoolAndAuthorityRequests, rawGetItemsPerSecond, starts },
  });
  if (options.write) writeFileSync(REPORT_FILE, report);
  console.log(`\n${report}`);
}

const { values } = parseArgs({
  options: { write: { type: 'boolean' }, 'skip-start': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
// startDynamoDbLocal stops Java on process exit; a signal must become an exit for that to run.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
console.log('Starting DynamoDB Local (in memory)...');
const dynamo = await startDynamoDbLocal();
try {
  await main(dynamo, { write: values.write ?? false, skipStart: values['skip-start'] ?? false });
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  dynamo.stop();
}
process.exit();
