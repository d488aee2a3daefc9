import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { LAMBDA_BUNDLE, LAMBDA_ENTRY } from '../../infra/lambda-bundle.js';
import { percentile } from './percentile.js';

/** Fresh processes each bundle is loaded in; the median is reported. */
const COLD_LOADS = 5;

const BARE_ENTRY = fileURLToPath(new URL('./bare-handler.ts', import.meta.url));

/** A bundle's size and how long a fresh Node process takes to `require` it (Lambda's cold start, less the runtime's own). */
export interface BundleCost {
  name: string;
  bytes: number;
  coldRequireMs: number;
}

/** Bundles the handler as `npm run build` and the CDK stack do, and a bare handler the same way, and loads each cold. */
export async function measureBundles(): Promise<BundleCost[]> {
  const directory = mkdtempSync(join(tmpdir(), 'registry-bench-'));
  try {
    return [await bundleCost('Lambda handler', LAMBDA_ENTRY, directory), await bundleCost('bare handler', BARE_ENTRY, directory)];
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function bundleCost(name: string, entry: string, directory: string): Promise<BundleCost> {
  const outfile = join(directory, `${name.replace(/\W+/g, '-')}.js`);
  await build({ ...LAMBDA_BUNDLE, entryPoints: [entry], bundle: true, outfile, logLevel: 'warning' });
  const loads = Array.from({ length: COLD_LOADS }, () => coldRequire(outfile));
  return { name, bytes: statSync(outfile).size, coldRequireMs: percentile(loads, 50) };
}

function coldRequire(file: string): number {
  const script = `const started = performance.now(); require(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - started));`;
  const child = spawnSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    // As in Lambda (infra/api-function.ts), with a table name the handler insists on.
    env: { ...process.env, NODE_ENV: 'production', TABLE_NAME: 'bench', AWS_REGION: 'eu-west-2', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  if (child.status !== 0) throw new Error(`Loading ${file} failed: ${child.stderr}`);
  return Number(child.stdout);
}
