import type { ImportRun } from '../../src/import/run-import.js';
import { COLD_STARTS, type ColdStartPair } from './cold-start.js';
import type { ProjectionMeasurement } from './reach-projection.js';
import type { LoadResult } from './load.js';
import type { ImportRatio, StartTimes } from './targets.js';
import { WARMUP_RUNS, type Measurement } from './measure.js';

/** Everything one benchmark run measured. */
export interface BenchResults {
  startedAt: Date;
  machine: string;
  importRun: ImportRun;
  importSeconds: number;
  /** DynamoDB requests and write capacity the import used. */
  importRequests: number;
  importWriteUnits: number;
  baseline: Measurement;
  scenarios: Measurement[];
  coldStarts: ColdStartPair[];
  /** The reach projector's work for one designation, per place. */
  projections: ProjectionMeasurement[];
  load: LoadResult;
  targets: {
    importRatio: ImportRatio;
    /** DynamoDB requests of `school(urn) { name localAuthority { code name } }` on a warm container. */
    schoolAndAuthorityRequests: number;
    rawGetItemsPerSecond: number;
    starts?: StartTimes;
  };
}

const number = (value: number, digits = 0) =>
  value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (value: number) => number(value, value < 10 ? 2 : 1);
const perOperation = (value: number) => number(value, Number.isInteger(value) ? 0 : 2);
const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const table = (header: readonly string[], rows: readonly (readonly string[])[]) =>
  [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');

/** The run as docs/bench.md holds it: markdown tables, with what they measured and on what machine. */
export function renderReport(results: BenchResults): string {
  return [
    '# Benchmark',
    '',
    'Written by `npm run bench -- --write` (scripts/bench/run.ts) on ' +
      `${results.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    `Machine: ${results.machine}.`,
    '',
    'Latencies come from DynamoDB Local, not AWS: Node and a Java process answering over loopback on the same',
    'cores. The ratio to a plain GetItem measured in the same run carries over better than the milliseconds. Request',
    'counts are exact. Capacity units are what DynamoDB Local reports per command (`ReturnConsumedCapacity: INDEXES`,',
    'table and index together), counted as read or write units by the command: on-demand DynamoDB bills the same',
    'units as request units (a transactional write costs twice a plain one).',
    '',
    '## Targets (issue 12)',
    '',
    'Each figure beside its baseline, measured in this run; "met" compares with the target.',
    '',
    targetsTable(results),
    '',
    '## Import of the shipped 2018 registry',
    '',
    importTable(results),
    '',
    '## Operations through the Lambda handler',
    '',
    'In process, production settings (no introspection, request limits on), one request after another after',
    `${WARMUP_RUNS} untimed warm-up runs; writes change a different school each run.`,
    '',
    operationsTable(results),
    '',
    '## Reach projector: one designation',
    '',
    'An outstanding school designated through GraphQL, then the projection of that one change, as the projector runs',
    "it for the change's stream record: the local authorities it reads (those whose 10 km squares come within their",
    "schools' farthest reach of the new teaching school), their schools, the reach entries it changes, and its",
    'DynamoDB requests (reads and one transaction) and time.',
    '',
    table(
      ['place', 'school', 'areas read', 'schools read', 'schools changed', 'areas written', 'requests', 'ms'],
      results.projections.map((projection) => [
        projection.place,
        projection.urn,
        number(projection.report.areasRead),
        number(projection.report.schoolsRead),
        number(projection.report.schoolsChanged),
        number(projection.report.areasWritten),
        number(projection.requests),
        ms(projection.ms),
      ]),
    ),
    '',
    '## Handler bundle',
    '',
    'Bundled as `npm run build` and the CDK stack do (infra/lambda-bundle.ts), each in a folder of its own. Read at',
    'start = the entry file and the chunks it imports statically; the other chunks are read only when a dynamic import',
    'asks for them. Cold start = a fresh Node process importing the bundle and answering its first request against',
    'DynamoDB Local (the handler `school(urn) { name localAuthority { code name } }`, the bare bundle one GetItem),',
    `median of ${COLD_STARTS}, interleaved.`,
    '',
    table(
      ['source maps', 'bundle', 'read at start', 'loaded when needed', 'cold start'],
      results.coldStarts.flatMap((pair) =>
        [pair.handler, pair.bare].map((bundle) => [
          pair.sourceMaps ? 'yes (--enable-source-maps)' : 'no',
          bundle.name,
          `${number(bundle.bytes / 1024, 1)} KiB`,
          `${number(bundle.lazyBytes / 1024, 1)} KiB`,
          `${ms(bundle.coldStartMs)} ms`,
        ]),
      ),
    ),
    '',
    '## Load on the local server',
    '',
    `autocannon, in a process of its own, posting \`${results.load.query}\` with a dev token to the local server on`,
    '127.0.0.1, which verifies the token and hands each request to the Lambda handler. Load generator, server and',
    'DynamoDB Local share the machine. The better of two runs, each followed by a raw GetItem run (the baseline).',
    '',
    table(
      ['connections', 'seconds', 'requests', 'requests/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'failures'],
      [
        [
          number(results.load.connections),
          number(results.load.seconds),
          number(results.load.requests),
          number(results.load.requestsPerSecond, 1),
          ms(results.load.p50),
          ms(results.load.p90),
          ms(results.load.p99),
          ms(results.load.max),
          number(results.load.failures),
        ],
      ],
    ),
    '',
  ].join('\n');
}

function targetsTable(results: BenchResults): string {
  const { importRatio, schoolAndAuthorityRequests, rawGetItemsPerSecond, starts } = results.targets;
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const deployed = results.coldStarts.find((pair) => !pair.sourceMaps)!;
  const extraMs = deployed.handler.coldStartMs - deployed.bare.coldStartMs;
  // The margin scales with the machine's speed (a slow spell stretches both starts): the ratio shows how much.
  const coldStartRatio = deployed.handler.coldStartMs / deployed.bare.coldStartMs;
  const importShare = importRatio.rawSeconds / importRatio.importSeconds;
  const throughputShare = results.load.requestsPerSecond / rawGetItemsPerSecond;
  const rows: string[][] = [];
  if (starts) {
    rows.push([
      '`npm start`, first start to first answer (copies the shipped database in; the site already built)',
      `${number(starts.firstSeconds, 1)} s`,
      '-',
      '<= 15 s idle',
      met(starts.firstSeconds <= 15),
    ]);
    rows.push([
      '`npm start`, restart over kept data',
      `${number(starts.restartSeconds, 1)} s`,
      '-',
      '<= 5 s',
      met(starts.restartSeconds <= 5),
    ]);
  }
  rows.push([
    `import of the shipped registry (${number(importRatio.items)} items) vs raw BatchWriteItem`,
    `${number(importRatio.importSeconds, 1)} s`,
    `${number(importRatio.rawSeconds, 1)} s (ratio ${number(importShare, 2)})`,
    'ratio >= 0.7',
    met(importShare >= 0.7),
  ]);
  rows.push([
    'cold start, bundle without source maps (as deployed) vs bare GetItem bundle',
    `${ms(deployed.handler.coldStartMs)} ms`,
    `${ms(deployed.bare.coldStartMs)} ms (+${ms(extraMs)} ms; ${number(coldStartRatio, 2)} times)`,
    '<= bare + 80 ms',
    met(extraMs <= 80),
  ]);
  rows.push([
    'bundle size read at a cold start (entry file and the chunks it imports statically)',
    `${number(deployed.handler.bytes / 1024)} KiB`,
    '-',
    '<= 800 KiB',
    met(deployed.handler.bytes <= 800 * 1024),
  ]);
  rows.push([
    '`school(urn) { name localAuthority { code name } }` DynamoDB requests',
    number(schoolAndAuthorityRequests),
    '-',
    '1',
    met(schoolAndAuthorityRequests === 1),
  ]);
  rows.push([
    `local server, that query, ${results.load.connections} connections, vs raw GetItem at as many in flight`,
    `${number(results.load.requestsPerSecond)} requests/s`,
    `${number(rawGetItemsPerSecond)} requests/s (ratio ${number(throughputShare, 2)})`,
    'ratio >= 0.6',
    met(throughputShare >= 0.6),
  ]);
  return table(['figure', 'measured', 'baseline', 'target', ''], rows);
}

function importTable(results: BenchResults): string {
  const rows = results.importRun.reports.map((report) => [
    report.file,
    number(report.read),
    number(report.written),
    number(report.rejected.length),
  ]);
  const read = results.importRun.reports.reduce((sum, report) => sum + report.read, 0);
  return [
    table(['file', 'rows read', 'written', 'rejected'], rows),
    '',
    table(
      ['rows', 'seconds', 'rows/s', 'DynamoDB requests', 'write units'],
      [
        [
          number(read),
          number(results.importSeconds, 1),
          number(read / results.importSeconds),
          number(results.importRequests),
          number(results.importWriteUnits),
        ],
      ],
    ),
  ].join('\n');
}

function operationsTable(results: BenchResults): string {
  const measurements = [results.baseline, ...results.scenarios];
  return table(
    [
      'operation',
      'runs',
      'DynamoDB requests / op',
      'by operation',
      'read units / op',
      'write units / op',
      'p50 ms',
      'p95 ms',
      'p50 ÷ GetItem p50',
    ],
    measurements.map((measurement) => [
      measurement.name,
      number(measurement.runs),
      perOperation(measurement.requests),
      Object.entries(measurement.byOperation)
        .map(([operation, count]) => `${operation} ${perOperation(count)}`)
        .join(', '),
      number(measurement.readUnits, 1),
      number(measurement.writeUnits, 1),
      ms(measurement.p50),
      ms(measurement.p95),
      `${number(measurement.p50 / results.baseline.p50, 1)}×`,
    ]),
  );
}
