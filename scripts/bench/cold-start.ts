import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { LAMBDA_BUNDLE, LAMBDA_ENTRY } from '../../infra/lambda-bundle.js';
import { graphqlEvent } from './invoke.js';
import { percentile } from './percentile.js';

/** Fresh processes per bundle; the median is reported. */
const COLD_STARTS = 7;

const BARE_ENTRY = fileURLToPath(new URL('./bare-handler.ts', import.meta.url));

/** One bundle's size and cold start: a fresh Node process importing it and answering its first request. */
export interface ColdStart {
  name: string;
  bytes: number;
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
 * Builds the Lambda handler as `npm run build` and the CDK stack do, and the bare baseline the same way, each into
 * a folder of its own (as Lambda unpacks it), then starts each cold against the table: the handler answering
 * `school(urn) { name localAuthority { code name } }`, the bare one doing its GetItem. With `sourceMaps`, both
 * bundles carry a source map and Node runs with --enable-source-maps.
 */
export async function measureColdStarts(
  endpoint: string,
  tableName: string,
  sourceMaps: boolean,
): Promise<ColdStartPair> {
  const directory = mkdtempSync(join(tmpdir(), 'registry-cold-'));
  try {
    const handlerFile = await bundle(LAMBDA_ENTRY, join(directory, 'handler'), sourceMaps);
    const bareFile = await bundle(BARE_ENTRY, join(directory, 'bare'), sourceMaps);
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
      handlerTimes.push(coldStart(handlerFile, HANDLER_EVENT, env, sourceMaps));
      bareTimes.push(coldStart(bareFile, { urn: '100000' }, env, sourceMaps));
    }
    return {
      sourceMaps,
      handler: { name: 'Lambda handler', bytes: statSync(handlerFile).size, coldStartMs: percentile(handlerTimes, 50) },
      bare: { name: 'bare GetItem handler', bytes: statSync(bareFile).size, coldStartMs: percentile(bareTimes, 50) },
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** An API Gateway event as Lambda gets it after the JWT authorizer verified a dfe-staff token. */
const HANDLER_EVENT = graphqlEvent(
  { query: '{ school(urn: "100000") { name localAuthority { code name } } }' },
  'cold-start',
  { 'cognito:groups': '[dfe-staff]', email: 'bench@localhost' },
);

async function bundle(entry: string, directory: string, sourceMaps: boolean): Promise<string> {
  const outfile = join(directory, 'index.mjs');
  await build({
    ...LAMBDA_BUNDLE,
    sourcemap: sourceMaps,
    entryPoints: [entry],
    bundle: true,
    outfile,
    logLevel: 'warning',
  });
  return outfile;
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
