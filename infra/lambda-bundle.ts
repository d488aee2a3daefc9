import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

/** The Lambda handler's entry point. */
export const LAMBDA_ENTRY = fileURLToPath(new URL('../src/entry/lambda.ts', import.meta.url));

/** The reach projector's entry point (DynamoDB Streams events). */
export const REACH_PROJECTOR_ENTRY = fileURLToPath(new URL('../src/entry/reach-projector.ts', import.meta.url));

/**
 * Apollo Server ships ESM and CommonJS builds; the Lambda integration is CommonJS only, so a bundle would
 * otherwise carry both (and two ApolloServer classes). Pointing every import, the integration's `require`
 * included, at the ESM build keeps one copy, and one that esbuild can tree-shake.
 */
export const APOLLO_SERVER_ESM = fileURLToPath(new URL('../node_modules/@apollo/server/dist/esm', import.meta.url));

/**
 * graphql-armor's token limit imports `graphql/language/parser` without an extension, which resolves to graphql's
 * CommonJS build: pointed at the ES module build everything else uses, the bundle holds one parser and lexer, not
 * two (about 40 KiB).
 */
export const GRAPHQL_PARSER_ESM = fileURLToPath(
  new URL('../node_modules/graphql/language/parser.mjs', import.meta.url),
);

/**
 * Left out of the bundle, because the handler never imports them (each is only reached through a dynamic import
 * or a branch that Lambda never takes), about 160 KiB less to ship and parse on every cold start:
 * - Apollo's usage reporting, schema reporting, inline tracing and cache control (for Apollo GraphOS, federation
 *   subgraphs and HTTP caching; src/graphql/server.ts installs their Disabled plugins) and the protobuf encoder
 *   only they use;
 * - the SDK's credential providers after the first: Lambda sets credentials in the environment, which the SDK's
 *   chain reads first (fromEnv), so SSO, ini files, processes, web identity, container metadata and the STS/SSO
 *   clients they use are never loaded.
 */
export const UNUSED_MODULES = [
  '@apollo/usage-reporting-protobuf',
  './plugin/usageReporting/index.js',
  './plugin/schemaReporting/index.js',
  './plugin/inlineTrace/index.js',
  './plugin/cacheControl/index.js',
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-http',
  '@aws-sdk/credential-provider-login',
  '@aws-sdk/nested-clients',
  '@aws-sdk/token-providers',
];

/** CommonJS code inside an ESM bundle still calls `require` for Node's built-ins. */
const REQUIRE_SHIM =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * esbuild settings for the handler, shared by `npm run build`, the bench and the CDK stack: ESM (so packages'
 * ES module builds are tree-shaken), minified, without source maps. Measured by `npm run bench` (docs/bench.md,
 * both bundles with and without a map in one run): loading the map with --enable-source-maps made the handler's
 * cold start about 30 % slower, for stack traces of minified code; errors are logged with their request id.
 */
export const LAMBDA_BUNDLE = {
  platform: 'node' as const,
  target: 'node24',
  format: 'esm' as const,
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: false,
  alias: { '@apollo/server': APOLLO_SERVER_ESM, 'graphql/language/parser': GRAPHQL_PARSER_ESM },
  external: UNUSED_MODULES,
  banner: { js: REQUIRE_SHIM },
} satisfies BuildOptions;
