import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// AWS SDK v3 warns on every client that Node 20 support ends in 2027 (TOOLCHAIN.md).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export default defineConfig({
  resolve: {
    // One graphql instance for everyone: Node loads graphql's CommonJS build for packages
    // it imports itself (graphql-ws), so our code must not get the ES build vite prefers,
    // or `instanceof GraphQLError` fails across the two copies.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'services',
          include: ['test/services/**/*.test.ts'],
          environment: 'node',
          // Each local service on its own, started by the test on a free port and driven with
          // the real AWS SDK v3 client over HTTP.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          // One local stack (DynamoDB Local, Cognito, AppSync) for the whole run, in memory
          // on free ports: never .data/ or a running `npm run dev`.
          globalSetup: ['test/helpers/globalLocalStack.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'conformance',
          include: ['test/conformance/**/*.test.ts'],
          environment: 'node',
          // The local AppSync against AWS's documented behaviour, on a test stack of its own.
          globalSetup: ['test/conformance/globalSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // Browser tests (Debian's Chromium through playwright-core) on the conformance stack.
          globalSetup: ['test/conformance/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
