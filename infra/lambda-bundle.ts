import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, buildSync, type Metafile } from 'esbuild';

/** The Lambda handler's entry point. */
export const LAMBDA_ENTRY = fileURLToPath(new URL('../src/entry/lambda.ts', import.meta.url));

/** The reach projector's entry point (DynamoDB Streams events). */
export const REACH_PROJECTOR_ENTRY = fileURLToPath(new URL('../src/entry/reach-projector.ts', import.meta.url));

/**
 * The server's schema imports graphql-js's `extendSchemaImpl` by path (src/graphql/lazy-schema.ts), which resolves to
 * graphql-js's CommonJS build: pointed at its ES module build, which everything else uses, the bundle holds one
 * graphql-js, not two whose types do not know each other.
 */
export const GRAPHQL_EXTEND_SCHEMA_ESM = fileURLToPath(
  new URL('../node_modules/graphql/utilities/extendSchema.mjs', import.meta.url),
);

/**
 * Left out of the bundle, because the handler never imports them: the SDK's credential providers after the first.
 * Lambda sets credentials in the environment, which the SDK's chain reads first (fromEnv), so SSO, ini files,
 * processes, web identity, container metadata and the STS/SSO clients they use are never loaded.
 */
export const UNUSED_MODULES = [
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-http',
  '@aws-sdk/credential-provider-login',
  '@aws-sdk/nested-clients',
  '@aws-sdk/token-providers',
];

/**
 * CommonJS code inside an ESM bundle still calls `require` for Node's built-ins. esbuild puts the banner in every
 * file, and only the one with esbuild's own `__require` uses it, so the `require` is made at its first call.
 */
const REQUIRE_SHIM =
  "import { createRequire as __createRequire } from 'node:module'; let __madeRequire; " +
  'const require = (id) => (__madeRequire ??= __createRequire(import.meta.url))(id);';

/**
 * esbuild settings for the handler, shared by `npm run build`, the bench and the CDK stack: ESM (so packages'
 * ES module builds are tree-shaken), minified, without source maps, split into chunks. Measured by `npm run bench`
 * (docs/bench.md, both bundles with and without a map in one run): loading the map with --enable-source-maps made
 * the handler's cold start about 30 % slower, for stack traces of minified code; errors are logged with their
 * request id. With splitting, what the handler imports dynamically (the mutations, proj4, the downloads, Tracer and
 * the X-Ray SDK: scripts/bundle.ts) is in chunks of its own that a cold start does not read. bundleLambda then merges
 * what a cold start reads into one file.
 */
export const LAMBDA_BUNDLE = {
  platform: 'node' as const,
  target: 'node24',
  format: 'esm' as const,
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: false,
  splitting: true,
  // Lambda's Node.js runtime loads `index.mjs` as an ES module whatever the folder's package.json says.
  outExtension: { '.js': '.mjs' },
  // Beside index.mjs, so an import between them reads the same from either (bundleLambda merges some into it).
  chunkNames: '[name]-[hash]',
  alias: { 'graphql/utilities/extendSchema.js': GRAPHQL_EXTEND_SCHEMA_ESM },
  external: UNUSED_MODULES,
  banner: { js: REQUIRE_SHIM },
} satisfies BuildOptions;

/** The module Lambda loads, `index.mjs` (the functions' handler is `index.handler`). */
export const LAMBDA_MODULE = 'index';

/** A folder of files, their total size. */
export interface BundleFiles {
  files: string[];
  bytes: number;
}

/** What bundleLambda wrote. */
export interface LambdaBundle {
  /** The entry file (index.mjs), absolute. */
  entry: string;
  /** What a cold start reads: the entry file and the chunks it imports statically, directly or not. */
  atStart: BundleFiles;
  /** Chunks read only when a dynamic import asks for them (and what those import). */
  lazy: BundleFiles;
  /** esbuild's account of the first pass: which sources went into the bundle. */
  metafile: Metafile;
}

export interface LambdaBundleOptions {
  /**
   * Write a source map beside each file.
   * @default false (LAMBDA_BUNDLE)
   */
  sourcemap?: boolean;
}

/**
 * Bundles one Lambda entry point into `outdir` with LAMBDA_BUNDLE's settings: `index.mjs`, which holds all that a
 * cold start runs, and beside it the chunks that load when a dynamic import asks for them. The same function builds
 * what `npm run build` checks, what the bench starts cold and what the CDK stack deploys (its local bundling, which
 * is synchronous, as this is).
 *
 * esbuild's splitting puts each module that the entry shares with a lazy chunk (graphql-js, the SDK, the store) into
 * a chunk of its own, which a cold start reads as one more ES module: Node's loader took about 0.4 ms for each, and a
 * cold start read eleven files. So a second pass merges the entry and the chunks it imports statically into index.mjs
 * (measured: the handler's cold start 4-8 ms shorter, the bare baseline's 2-3 ms), exporting each merged chunk's
 * exports under names of its own, and each merged chunk's file becomes one line that re-exports them from index.mjs:
 * a lazy chunk that imports it gets the module instances already loaded, not second copies. So the entry must not
 * await a dynamic import while it loads: the lazy chunk would wait for index.mjs, which waits for it.
 */
export function bundleLambda(entry: string, outdir: string, options: LambdaBundleOptions = {}): LambdaBundle {
  const sourcemap = options.sourcemap ?? LAMBDA_BUNDLE.sourcemap;
  const split = mkdtempSync(join(tmpdir(), 'lambda-split-'));
  try {
    const { metafile } = buildSync({
      ...LAMBDA_BUNDLE,
      sourcemap,
      entryPoints: [{ in: entry, out: LAMBDA_MODULE }],
      bundle: true,
      outdir: split,
      metafile: true,
      logLevel: 'warning',
    });
    const outputs = Object.fromEntries(
      Object.entries(metafile.outputs)
        .filter(([file]) => file.endsWith('.mjs'))
        .map(([file, output]) => [resolve(file), output]),
    );
    const index = resolve(join(split, `${LAMBDA_MODULE}.mjs`));
    const atStart = staticallyImported(index, outputs);
    const lazy = Object.keys(outputs).filter((file) => !atStart.has(file));
    mkdirSync(outdir, { recursive: true });
    const entryFile = resolve(join(outdir, `${LAMBDA_MODULE}.mjs`));
    const merged = [...atStart].filter((file) => file !== index);
    const stubs = mergeIntoEntry({ index, merged, entryFile, outputs, lazy, sourcemap });
    const lazyFiles = lazy.map((file) => {
      const copy = resolve(join(outdir, basename(file)));
      copyFileSync(file, copy);
      if (sourcemap) copyFileSync(`${file}.map`, `${copy}.map`);
      return copy;
    });
    return { entry: entryFile, atStart: filesOf([entryFile]), lazy: filesOf([...lazyFiles, ...stubs]), metafile };
  } finally {
    rmSync(split, { recursive: true, force: true });
  }
}

/** What the second pass merges: the first pass's entry, what it imports statically and what must stay apart. */
interface MergeInput {
  /** The first pass's index.mjs. */
  index: string;
  /** The first pass's chunks that index.mjs imports statically, directly or not. */
  merged: string[];
  /** Where the merged index.mjs goes: beside it, one stub per merged chunk. */
  entryFile: string;
  outputs: Metafile['outputs'];
  /** The first pass's chunks that only dynamic imports reach: left out of the merge, imported by file name. */
  lazy: string[];
  sourcemap: boolean;
}

/**
 * Writes the merged index.mjs (the entry and the chunks it imports statically, each chunk's exports under names of
 * its own) and, for each merged chunk, a stub that re-exports them under the chunk's own names; returns the stubs.
 */
function mergeIntoEntry({ index, merged, entryFile, outputs, lazy, sourcemap }: MergeInput): string[] {
  const aliases = (file: string, chunk: number) =>
    outputs[file]!.exports.map((name) => [name, `__chunk${chunk}_${name}`] as const);
  const mergedEntry = join(dirname(index), 'merged-entry.mjs');
  const reexports = merged.map((file, chunk) => {
    const names = aliases(file, chunk).map(([name, alias]) => `${name} as ${alias}`);
    return `export { ${names.join(', ')} } from './${basename(file)}';`;
  });
  writeFileSync(mergedEntry, [`export * from './${basename(index)}';`, ...reexports, ''].join('\n'));
  buildSync({
    entryPoints: [mergedEntry],
    bundle: true,
    platform: LAMBDA_BUNDLE.platform,
    target: LAMBDA_BUNDLE.target,
    format: LAMBDA_BUNDLE.format,
    minify: LAMBDA_BUNDLE.minify,
    sourcemap,
    outfile: entryFile,
    external: [...lazy.map((file) => `./${basename(file)}`), ...UNUSED_MODULES],
    logLevel: 'warning',
  });
  return merged.map((file, chunk) => {
    const names = aliases(file, chunk).map(([name, alias]) => `${alias} as ${name}`);
    const stub = resolve(join(dirname(entryFile), basename(file)));
    writeFileSync(stub, `export { ${names.join(', ')} } from './${basename(entryFile)}';\n`);
    return stub;
  });
}

/** A bundle file and the files it imports statically, directly or not. */
function staticallyImported(file: string, outputs: Metafile['outputs']): Set<string> {
  const found = new Set<string>();
  const pending = [file];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (found.has(next)) continue;
    found.add(next);
    for (const imported of outputs[next]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) pending.push(resolve(imported.path));
    }
  }
  return found;
}

function filesOf(files: string[]): BundleFiles {
  return { files, bytes: files.reduce((total, file) => total + statSync(file).size, 0) };
}
