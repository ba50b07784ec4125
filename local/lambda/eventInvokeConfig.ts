// What asynchronous invocation takes from the template: AWS::Lambda::EventInvokeConfig per
// function (CDK writes one for `retryAttempts`, `maxEventAge`, `onSuccess`, `onFailure`).
// Defaults: 2 retries, events kept 6 hours.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-eventinvokeconfig.html
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
import type { StackModel } from '../template/stackModel';
import { functionNameOf } from './options';

/** Lambda retries a failed asynchronous event twice unless told otherwise (range 0-2). */
export const DEFAULT_ASYNC_MAXIMUM_RETRY_ATTEMPTS = 2;
/** Lambda keeps an asynchronous event up to 6 hours (range 60-21,600 s). */
export const DEFAULT_ASYNC_MAXIMUM_EVENT_AGE_SECONDS = 21_600;

export type AsyncInvokeConfig = {
  maximumRetryAttempts: number;
  maximumEventAgeSeconds: number;
  /** Destination ARNs (SQS queue, SNS topic, Lambda function; EventBridge and S3 are not run locally). */
  onSuccess?: string;
  onFailure?: string;
};

export const DEFAULT_ASYNC_INVOKE_CONFIG: AsyncInvokeConfig = {
  maximumRetryAttempts: DEFAULT_ASYNC_MAXIMUM_RETRY_ATTEMPTS,
  maximumEventAgeSeconds: DEFAULT_ASYNC_MAXIMUM_EVENT_AGE_SECONDS,
};

type Props = {
  FunctionName?: string;
  Qualifier?: string;
  MaximumRetryAttempts?: number;
  MaximumEventAgeInSeconds?: number;
  DestinationConfig?: { OnSuccess?: { Destination?: string }; OnFailure?: { Destination?: string } };
};

/** Per function name: its configuration for `$LATEST` (what CDK configures and Invoke runs). */
export function asyncInvokeConfigs(model: StackModel): Map<string, AsyncInvokeConfig> {
  const configs = new Map<string, AsyncInvokeConfig>();
  for (const [logicalId] of model.ofType('AWS::Lambda::EventInvokeConfig')) {
    const props = model.properties(logicalId) as Props;
    // A configuration of an alias or version applies to invocations of that qualifier only;
    // locally everything runs as $LATEST, so those are kept only when $LATEST has none.
    const name = functionNameOf(String(props.FunctionName));
    if (props.Qualifier !== '$LATEST' && configs.has(name)) continue;
    configs.set(name, {
      maximumRetryAttempts: props.MaximumRetryAttempts ?? DEFAULT_ASYNC_MAXIMUM_RETRY_ATTEMPTS,
      maximumEventAgeSeconds: props.MaximumEventAgeInSeconds ?? DEFAULT_ASYNC_MAXIMUM_EVENT_AGE_SECONDS,
      onSuccess: props.DestinationConfig?.OnSuccess?.Destination,
      onFailure: props.DestinationConfig?.OnFailure?.Destination,
    });
  }
  return configs;
}
