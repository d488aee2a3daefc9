import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll } from 'vitest';
import { defineRegistryApp } from '../../infra/registry-app.js';
import type { RegistryStack } from '../../infra/registry-stack.js';

const CDK_OUT = fileURLToPath(new URL('../../cdk.out/', import.meta.url));
const CDK_JSON_CONTEXT: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'),
).context;

export interface SynthesizedRegistry {
  app: App;
  stack: RegistryStack;
  template: Template;
}

/** How to synthesize beyond what every test needs. */
export interface SynthesisOptions {
  /**
   * Run aws-cdk-lib's built-in CloudFormation template validation, as `cdk synth` does. It costs
   * seconds of CPU a synthesis, so it is off unless a test is about the whole synthesis.
   * @default false
   */
  cloudFormationValidation?: boolean;
}

const synthesized = new Map<string, SynthesizedRegistry>();
const outdirs: string[] = [];

afterAll(() => {
  for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
});

/**
 * The registry app as `cdk synth` builds it (cdk.json's feature flags, cdk-nag attached) for the
 * given context, without bundling the handler, synthesized into a fresh folder under cdk.out/
 * that is removed after the test file. Synthesized once per context and test file: treat the
 * result as read-only.
 */
export function synthesizeRegistry(
  context: Record<string, unknown> = {},
  options: SynthesisOptions = {},
): SynthesizedRegistry {
  const key = JSON.stringify([context, options]);
  const known = synthesized.get(key);
  if (known) return known;
  const result = synthesize(context, options);
  synthesized.set(key, result);
  return result;
}

function synthesize(context: Record<string, unknown>, options: SynthesisOptions): SynthesizedRegistry {
  mkdirSync(CDK_OUT, { recursive: true });
  const outdir = mkdtempSync(`${CDK_OUT}test-`);
  outdirs.push(outdir);
  const app = new App({
    outdir,
    context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [], ...context },
    builtinCloudFormationValidation: options.cloudFormationValidation ?? false,
  });
  const stack = defineRegistryApp(app);
  return { app, stack, template: Template.fromStack(stack) };
}

/** A resource of the synthesized template with its logical id. */
export interface FoundResource {
  logicalId: string;
  Properties: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

/** The one resource of a type in the template (of those whose logical id starts with `under`, when given). */
export function onlyResource(template: Template, type: string, under = ''): FoundResource {
  const found = Object.entries(template.findResources(type)).filter(([logicalId]) => logicalId.startsWith(under));
  if (found.length !== 1) throw new Error(`expected one ${type} under "${under}", found ${found.length}`);
  const [logicalId, resource] = found[0]!;
  return {
    logicalId,
    Properties: resource.Properties,
    DeletionPolicy: resource.DeletionPolicy,
    UpdateReplacePolicy: resource.UpdateReplacePolicy,
  };
}
