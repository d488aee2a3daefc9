import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { RegistryStack, registryStackName } from './registry-stack.js';
import { stageConfigFrom } from './stage-config.js';

/**
 * Adds the registry stack for the stage named in context (`-c stage=dev|prod`, default dev) to an
 * app, with cdk-nag's AWS Solutions checks: any unacknowledged finding fails synthesis.
 */
export function defineRegistryApp(app: App): RegistryStack {
  const config = stageConfigFrom(app.node);
  const stack = new RegistryStack(app, registryStackName(config), {
    config,
    description: `Teaching School Registry (${config.stage}): GraphQL API on Lambda and DynamoDB`,
    tags: { application: 'teaching-school-registry', stage: config.stage },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}
