import './src/entry/quiet-sdk-node-warning.js';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node (tsx, Lambda's bundle) loads graphql's CommonJS entry, as Apollo Server does; Vite would otherwise pick
    // its ESM one for our code, and graphql refuses schema objects from the other copy ("another module or realm").
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 180_000,
    projects: [
      {
        // Pure tests: domain rules, schema, infrastructure template. No DynamoDB.
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/infra/**/*.test.ts'] },
      },
      {
        // Tests against one DynamoDB Local per run, with the shipped registry imported once.
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          pool: 'forks',
        },
      },
      {
        // The staff workspace in a real Chromium, against `npm start` (the shipped registry, the built site).
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          fileParallelism: false,
          hookTimeout: 300_000,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
