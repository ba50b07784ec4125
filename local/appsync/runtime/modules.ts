// What `import ... from '@aws-appsync/utils'` and '@aws-appsync/utils/dynamodb' give
// APPSYNC_JS code in the local sandbox: `util`, `runtime` and `extensions`.
import * as dynamodbModule from './dynamodbModule';
import { extensions } from './extensions';
import { EarlyReturn } from './signals';
import { util } from './util';

export const runtime = Object.freeze({
  /** https://docs.aws.amazon.com/appsync/latest/devguide/runtime-utils-js.html */
  earlyReturn(value?: unknown): never {
    throw new EarlyReturn(value ?? null);
  },
});

export function appsyncModules(): Record<string, unknown> {
  return {
    '@aws-appsync/utils': Object.freeze({ util, runtime, extensions }),
    '@aws-appsync/utils/dynamodb': Object.freeze({ ...dynamodbModule }),
  };
}
