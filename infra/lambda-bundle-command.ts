// Bundles one Lambda entry point (bundleLambda) for the CDK's local bundling, which runs it as a command:
// `tsx infra/lambda-bundle-command.ts <entry> <outdir>`.
import { bundleLambda } from './lambda-bundle.js';

const [entry, outdir] = process.argv.slice(2);
if (!entry || !outdir) throw new Error('Usage: tsx infra/lambda-bundle-command.ts <entry> <outdir>');
await bundleLambda(entry, outdir);
