import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage, type ILocalBundling } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { bundleLambda, LAMBDA_MODULE } from './lambda-bundle.js';

/** The folder the bundler reads from (the CDK's bundling asks for one; only its output is hashed and shipped). */
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The handler setting for a function whose code is bundledCode's: `index.mjs`, export `handler`. */
export const BUNDLED_HANDLER = `${LAMBDA_MODULE}.handler`;

/**
 * A function's code: the entry point bundled as `npm run build` does (bundleLambda: ESM, split into chunks that load
 * when a dynamic import asks for them), by the local esbuild inside the synthesis, so `cdk synth` needs no Docker.
 * The asset is hashed by its output, so a change anywhere in what the bundle holds deploys new code.
 */
export function bundledCode(entry: string): Code {
  return Code.fromAsset(PROJECT_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      local: new LocalBundling(entry),
      // Required by the CDK, never run: local bundling above always bundles (or fails the synthesis).
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
    },
  });
}

/**
 * Runs bundleLambda in the synthesis. The entry is a property, not only in a closure: the CDK reuses a bundle for
 * assets whose options serialise alike (JSON, which drops functions), so without it every function would deploy the
 * first one's code.
 */
class LocalBundling implements ILocalBundling {
  constructor(readonly entry: string) {}

  tryBundle(outputDir: string): boolean {
    bundleLambda(this.entry, outputDir);
    return true;
  }
}
