// `npm run build`: bundles the Lambda handler as the CDK stack does (dist/lambda: index.mjs and its chunks), and
// fails if the bundle passes the size budget, holds graphql-js twice or cannot be loaded.
import '../src/entry/quiet-sdk-node-warning.js';
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleLambda, LAMBDA_ENTRY } from '../infra/lambda-bundle.js';

/**
 * The most a cold start may read: the entry file and the chunks it imports statically. Issue 12's target is
 * 800 KiB. What the handler imports dynamically (proj4 for grid references, Powertools Tracer and the X-Ray SDK,
 * which load only in Lambda, the CSV downloads, the schema's text and descriptions, the mutations) is in chunks
 * read only when a request needs them, so it is reported apart and not counted.
 */
const BUDGET_KIB = 800;

const outdir = 'dist/lambda';
rmSync(outdir, { recursive: true, force: true });
const bundle = bundleLambda(LAMBDA_ENTRY, outdir);

const kib = (bytes: number) => (bytes / 1024).toFixed(0);
const startFiles = bundle.atStart.files.map((file) => relative(outdir, file)).join(', ');
const atStart = `${kib(bundle.atStart.bytes)} KiB read at a cold start (${startFiles})`;
const lazy = `${kib(bundle.lazy.bytes)} KiB in ${bundle.lazy.files.length} chunks loaded when needed`;
if (bundle.atStart.bytes > BUDGET_KIB * 1024) {
  console.error(`${outdir}: ${atStart}, over its ${BUDGET_KIB} KiB budget`);
  process.exit(1);
}

// graphql-js's CommonJS files beside its ES modules would be a second graphql-js, whose types the first's checks
// refuse at the first request (an import by path not aliased in LAMBDA_BUNDLE).
const commonJsGraphql = Object.keys(bundle.metafile.inputs).filter((input) =>
  /node_modules\/graphql\/.+\.js$/.test(input),
);
if (commonJsGraphql.length > 0) {
  console.error(`${outdir} holds graphql-js twice: ${commonJsGraphql.length} files of its CommonJS build too, such as`);
  console.error(`  ${commonJsGraphql.at(-1)}`);
  process.exit(1);
}

process.env.TABLE_NAME ??= 'bundle-check';
const { handler } = (await import(pathToFileURL(bundle.entry).href)) as { handler?: unknown };
if (typeof handler !== 'function') {
  console.error(`${bundle.entry} does not export a handler function`);
  process.exit(1);
}
// Not timed here: under tsx's loader an import takes several times as long. `npm run bench` times a cold start.
console.log(`${outdir}: ${atStart}, which loads and exports the handler; ${lazy}`);
