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
  const stack = await startLocalStack({ cdkOut: DEFAULT_CDK_OUT });
  project.provide('endpoints', stack.endpoints);
  return async () => {
    await stack.stop();
  };
}
