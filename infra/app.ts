// The CDK app (`npx cdk synth`, `npx cdk deploy -c stage=prod`); docs/deploy.md explains the stack.
import { App } from 'aws-cdk-lib';
import { defineRegistryApp } from './registry-app.js';

defineRegistryApp(new App());
