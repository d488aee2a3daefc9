import { type ExecutionArgs, type ExecutionResult, execute } from 'graphql';

/**
 * Stands in for Apollo Server's `incrementalDeliveryPolyfill.js` in the Lambda bundle (infra/lambda-bundle.ts).
 * Apollo's looks for graphql 17's incremental delivery with `await import('graphql')` before every execution. A
 * dynamic import of the package keeps all of graphql-js in the bundle, since esbuild cannot tell which exports the
 * namespace is used for (about 30 KiB that a cold start read and never ran), and loads one more chunk at the first
 * request. The registry pins graphql 16, where Apollo's then runs `execute`, as this does.
 */
export async function executeIncrementally({
  useLegacyIncremental,
  legacyExperimentalExecuteIncrementally,
  ...args
}: ExecutionArgs & {
  useLegacyIncremental?: boolean;
  legacyExperimentalExecuteIncrementally?: (args: ExecutionArgs) => Promise<unknown>;
}): Promise<unknown> {
  if (useLegacyIncremental && legacyExperimentalExecuteIncrementally)
    return legacyExperimentalExecuteIncrementally(args);
  return execute(args) as ExecutionResult | Promise<ExecutionResult>;
}
