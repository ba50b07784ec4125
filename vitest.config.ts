import { defineConfig } from 'vitest/config';

// AWS SDK v3 warns on every client that Node 20 support ends in 2027 (TOOLCHAIN.md).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
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
    ],
  },
});
