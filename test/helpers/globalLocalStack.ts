// Vitest global setup for integration tests: starts the synthesized stack once.
import type { TestProject } from 'vitest/node';
import { DEFAULT_CDK_OUT } from '../../local/paths';
import { setLogLevel } from '../../local/shared/logger';
import { startLocalStack, type Endpoints } from '../../local/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    endpoints: Endpoints;
  }
}

export default async function setup(project: TestProject) {
  setLogLevel((process.env.LOCAL_LOG as 'info') ?? 'warn');
  // SES as a production account with a raised sending rate: test files run side by side and
  // together send hundreds of invitations. Throttling itself is tested in test/services/ses
  // and the senders' unit tests; a test may still lower the rate (PUT /_local/ses/send-quota).
  const stack = await startLocalStack({ cdkOut: DEFAULT_CDK_OUT, ses: { sendQuota: { maxSendRate: 200, max24HourSend: -1 } } });
  project.provide('endpoints', stack.endpoints);
  return async () => {
    await stack.stop();
  };
}
