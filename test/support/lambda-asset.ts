import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, DynamoDBStreamEvent } from 'aws-lambda';
import { defineRegistryApp } from '../../infra/registry-app.js';

const CDK_OUT = fileURLToPath(new URL('../../cdk.out/', import.meta.url));
const CDK_JSON_CONTEXT: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'),
).context;

/** The GraphQL function as `cdk deploy` would upload it: its asset folder and its environment. */
export interface LambdaAsset {
  /** A copy of the asset folder outside the repository (whose package.json would make Node read it as ESM). */
  directory: string;
  /** The handler file Lambda loads (`index.handler`). */
  entry: string;
  /** The function's environment from the template; TABLE_NAME (a reference) left out. */
  environment: Record<string, string>;
  remove: () => void;
}

/**
 * Synthesizes the registry app as `npx cdk synth` does (bundling included) and takes one function's asset (the
 * folder the template's S3 key names) and environment from the output: the GraphQL function's unless another
 * construct is named (`ReachProjector`).
 */
export function synthesizeLambdaAsset(construct = 'Api'): LambdaAsset {
  mkdirSync(CDK_OUT, { recursive: true });
  const outdir = mkdtempSync(`${CDK_OUT}asset-test-`);
  const directory = mkdtempSync(join(tmpdir(), 'registry-asset-'));
  try {
    const app = new App({ outdir, context: CDK_JSON_CONTEXT });
    const stack = defineRegistryApp(app);
    const template = app.synth().getStackByName(stack.stackName).template;
    const functions = Object.entries<any>(template.Resources)
      .filter(([logicalId, resource]) => resource.Type === 'AWS::Lambda::Function' && logicalId.startsWith(construct))
      .map(([, resource]) => resource);
    if (functions.length !== 1)
      throw new Error(`expected one Lambda function of ${construct} in the template, found ${functions.length}`);
    const [fn] = functions;
    const assetFolder = join(outdir, `asset.${String(fn.Properties.Code.S3Key).replace(/\.zip$/, '')}`);
    cpSync(assetFolder, directory, { recursive: true });
    const [module] = fn.Properties.Handler.split('.');
    const entry = readdirSync(directory).find((file) => new RegExp(`^${module}\\.(c|m)?js$`).test(file));
    if (!entry) throw new Error(`no ${module}.js in the asset: ${readdirSync(directory).join(', ')}`);
    const environment = Object.fromEntries(
      Object.entries<unknown>(fn.Properties.Environment.Variables).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
    return {
      directory,
      entry: join(directory, entry),
      environment,
      remove: () => rmSync(directory, { recursive: true, force: true }),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** One invocation: the event and the request id Lambda gives it. */
export interface Invocation {
  requestId: string;
  /** An API Gateway HTTP API event for the GraphQL function; a DynamoDB Streams event for the reach projector. */
  event: APIGatewayProxyEventV2 | DynamoDBStreamEvent;
}

/** What a fresh Node process running the asset answered, and every line it logged. */
export interface AssetRun {
  results: APIGatewayProxyStructuredResultV2[];
  /** stdout and stderr, one JSON document a line (log lines and embedded metrics), or text where a line is not JSON. */
  lines: Array<Record<string, any> | string>;
  stderr: string;
}

/** Loads the asset's handler as the Lambda runtime does (CommonJS or ESM) and calls it once an invocation, in order. */
const DRIVER = `
const { randomBytes } = require('node:crypto');
const { readFileSync, writeFileSync } = require('node:fs');
const { pathToFileURL } = require('node:url');
const [entry, invocationsFile, resultsFile] = process.argv.slice(2);
(async () => {
  const loaded = await import(pathToFileURL(entry).href);
  const handler = loaded.handler ?? loaded.default?.handler;
  const results = [];
  for (const { requestId, event } of JSON.parse(readFileSync(invocationsFile, 'utf8'))) {
    // The runtime sets each invocation's X-Ray trace header before calling the handler.
    const epoch = Math.floor(Date.now() / 1000).toString(16);
    const [root, parent] = [randomBytes(12).toString('hex'), randomBytes(8).toString('hex')];
    process.env._X_AMZN_TRACE_ID = \`Root=1-\${epoch}-\${root};Parent=\${parent};Sampled=1\`;
    const context = {
      awsRequestId: requestId, functionName: 'registry-asset-test', functionVersion: '$LATEST', memoryLimitInMB: '1024',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-2:000000000000:function:registry-asset-test',
      logGroupName: '/aws/lambda/registry-asset-test', logStreamName: 'asset-test',
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => 10000,
    };
    results.push(await handler(event, context, () => undefined));
  }
  writeFileSync(resultsFile, JSON.stringify(results));
})().catch((error) => { console.error(error); process.exit(1); });
`;

/**
 * Runs the asset in a fresh Node process with the function's environment (as Lambda sets it, plus what Lambda
 * itself provides: region and credentials) and DynamoDB at `endpoint`, through the SDK's standard
 * AWS_ENDPOINT_URL_DYNAMODB variable: nothing in the bundle knows it is not in AWS.
 */
export async function runAsset(
  asset: LambdaAsset,
  options: { tableName: string; endpoint: string; invocations: Invocation[] },
): Promise<AssetRun> {
  const work = mkdtempSync(join(tmpdir(), 'registry-asset-run-'));
  try {
    writeFileSync(join(work, 'driver.cjs'), DRIVER);
    writeFileSync(join(work, 'invocations.json'), JSON.stringify(options.invocations));
    const resultsFile = join(work, 'results.json');
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [join(work, 'driver.cjs'), asset.entry, join(work, 'invocations.json'), resultsFile],
      {
        cwd: asset.directory,
        env: {
          PATH: process.env.PATH,
          ...asset.environment,
          TABLE_NAME: options.tableName,
          // What the Lambda runtime sets: Powertools reads the cold start from it, Tracer traces only inside Lambda.
          AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
          AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
          AWS_LAMBDA_FUNCTION_NAME: 'registry-asset-test',
          AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
          LAMBDA_TASK_ROOT: asset.directory,
          // X-Ray segments go by UDP to the daemon's address: a loopback port where nothing listens.
          AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000',
          AWS_REGION: 'eu-west-2',
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
          AWS_ENDPOINT_URL_DYNAMODB: options.endpoint,
          // Lambda runs Node 22 or newer; here the SDK would warn that Node 20 is old.
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    // Lambda sends both streams to CloudWatch Logs; Powertools writes errors and warnings to stderr.
    const lines = `${stdout}\n${stderr}`
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        try {
          return JSON.parse(line) as Record<string, any>;
        } catch {
          return line;
        }
      });
    return { results: JSON.parse(readFileSync(resultsFile, 'utf8')), lines, stderr };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
