import { fileURLToPath } from 'node:url';

/** The Lambda handler's entry point. */
export const LAMBDA_ENTRY = fileURLToPath(new URL('../src/entry/lambda.ts', import.meta.url));

/**
 * Apollo Server ships ESM and CommonJS builds; the Lambda integration is CommonJS only, so a bundle
 * would otherwise carry both (and two ApolloServer classes). Pointing every import at the CommonJS
 * build keeps one copy. The CDK stack passes the same alias to NodejsFunction's esbuild.
 */
export const APOLLO_SERVER_CJS = fileURLToPath(new URL('../node_modules/@apollo/server/dist/cjs', import.meta.url));

/** esbuild settings for the handler, shared by `npm run build` and the CDK stack. */
export const LAMBDA_BUNDLE = {
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  minify: true,
  sourcemap: true,
  alias: { '@apollo/server': APOLLO_SERVER_CJS },
} as const;
