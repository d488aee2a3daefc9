// `npm run build`: bundles the Lambda handler as the CDK stack does, and fails if the bundle holds a
// second copy of Apollo Server or if the handler cannot be loaded.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { LAMBDA_BUNDLE, LAMBDA_ENTRY } from '../infra/lambda-bundle.js';

const outfile = 'dist/lambda/index.js';
const result = await build({ ...LAMBDA_BUNDLE, entryPoints: [LAMBDA_ENTRY], bundle: true, outfile, metafile: true, logLevel: 'warning' });

const esmApollo = Object.keys(result.metafile.inputs).filter((input) => input.includes('@apollo/server/dist/esm'));
if (esmApollo.length > 0) {
  console.error(`The bundle holds Apollo Server's ESM build too (${esmApollo.length} files): check the alias in infra/lambda-bundle.ts`);
  process.exit(1);
}

process.env.TABLE_NAME ??= 'bundle-check';
const started = performance.now();
const handler = createRequire(import.meta.url)(`../${outfile}`).handler;
const loadMs = performance.now() - started;
if (typeof handler !== 'function') {
  console.error(`${outfile} does not export a handler function`);
  process.exit(1);
}
console.log(`${outfile}: ${(statSync(outfile).size / 1024).toFixed(0)} KiB, loads in ${loadMs.toFixed(0)} ms`);
