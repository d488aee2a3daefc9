import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleLambda, LAMBDA_ENTRY, type LambdaBundle } from '../../infra/lambda-bundle.js';
import { graphqlEvent } from './invoke.js';
import { percentile } from './percentile.js';

/**
 * Fresh processes per bundle; the median is reported. One start moves by tens of milliseconds on a shared machine:
 * a median of 7 moved by about 40 ms from run to run, and four medians of 15 in a row put the same handler at 64 to
 * 106 ms over the same bare bundle.
 */
export const COLD_STARTS = 25;

const BARE_ENTRY = fileURLToPath(new URL('./bare-handler.ts', import.meta.url));

/** One bundle's size and cold start: a fresh Node process importing it and answering its first request. */
export interface ColdStart {
  name: string;
  /** What a cold start reads: the entry file and the chunks it imports statically. */
  bytes: number;
  /** The chunks only a dynamic import reads. */
  lazyBytes: number;
  /** Median milliseconds from before `import` to the first answer. */
  coldStartMs: number;
}

/** Both bundles built one way (with or without source maps) and started cold, interleaved, in the same run. */
export interface ColdStartPair {
  sourceMaps: boolean;
  handler: ColdStart;
  bare: ColdStart;
}

/**
 * Builds the Lambda handler as `npm run build` and the CDK stack do (bundleLambda), and the bare baseline the same
 * way, each into a folder of its own (as Lambda unpacks it), then starts each cold against the table: the handler
 * answering `school(urn) { name localAuthority { code name } }`, the bare one doing its GetItem. With `sourceMaps`,
 * both bundles carry a source map and Node runs with --enable-source-maps.
 */
export function measureColdStarts(endpoint: string, tableName: string, sourceMaps: boolean): ColdStartPair {
  const directory = mkdtempSync(join(tmpdir(), 'registry-cold-'));
  try {
    const handlerBundle = bundleLambda(LAMBDA_ENTRY, join(directory, 'handler'), { sourcemap: sourceMaps });
    const bareBundle = bundleLambda(BARE_ENTRY, join(directory, 'bare'), { sourcemap: sourceMaps });
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      TABLE_NAME: tableName,
      AWS_REGION: 'eu-west-2',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: endpoint,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    const handlerTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let run = 0; run < COLD_STARTS; run += 1) {
      handlerTimes.push(coldStart(handlerBundle.entry, HANDLER_EVENT, env, sourceMaps));
      bareTimes.push(coldStart(bareBundle.entry, { urn: '100000' }, env, sourceMaps));
    }
    return {
      sourceMaps,
      handler: coldStartOf('Lambda handler', handlerBundle, handlerTimes),
      bare: coldStartOf('bare GetItem handler', bareBundle, bareTimes),
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** An API Gateway event as Lambda gets it after the JWT authorizer verified a dfe-staff token. */
const HANDLER_EVENT = graphqlEvent(
  { query: '{ school(urn: "100000") { name localAuthority { code name } } }' },
  'cold-start',
  { claims: { 'cognito:groups': '[dfe-staff]', email: 'bench@localhost' } },
);

function coldStartOf(name: string, bundle: LambdaBundle, times: number[]): ColdStart {
  return { name, bytes: bundle.atStart.bytes, lazyBytes: bundle.lazy.bytes, coldStartMs: percentile(times, 50) };
}

function coldStart(file: string, event: unknown, env: NodeJS.ProcessEnv, sourceMaps: boolean): number {
  const script = `const started = performance.now();
const { handler } = await import(${JSON.stringify(`file://${file}`)});
const result = await handler(${JSON.stringify(event)}, { awsRequestId: 'cold' });
const elapsed = performance.now() - started;
if (result.statusCode !== 200 || /"errors"/.test(result.body)) throw new Error(result.body);
process.stdout.write('\\nCOLD_START_MS=' + elapsed + '\\n');`;
  const child = spawnSync(
    process.execPath,
    [...(sourceMaps ? ['--enable-source-maps'] : []), '--input-type=module', '-e', script],
    { encoding: 'utf8', env },
  );
  if (child.status !== 0) throw new Error(`Cold start of ${file} failed: ${child.stderr}`);
  // The handler logs to stdout too (Powertools Logger): the timing is the line the script marks.
  return Number(/^COLD_START_MS=(\S+)$/m.exec(child.stdout)?.[1]);
}
