// How SNS retries a failed delivery.
// HTTP/S: the subscription's DeliveryPolicy (healthyRetryPolicy), else the topic's
// (http.defaultHealthyRetryPolicy), else SNS's default: 3 retries 20 seconds apart, linear
// backoff; the endpoint has 15 seconds to answer, and any status outside 200-4xx (or no
// answer) is a failed attempt. https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html ;
// https://docs.aws.amazon.com/sns/latest/dg/SendMessageToHttp.prepare.html ;
// the default policy as GetTopicAttributes shows it (EffectiveDeliveryPolicy in LocalStack's
// AWS-validated snapshot test_sns.snapshot.json).
// AWS-managed endpoints (SQS, Lambda): 3 immediate retries, 2 one second apart, 10 with
// backoff from 1 to 20 seconds, then 100,000 twenty seconds apart (same page). Locally only
// the first phases are kept (see MANAGED_RETRY_DELAYS_MS): a local queue or function that is
// missing will not appear by itself, and 23 days of retries would only hide the problem.
// SNS adds jitter and does not document the backoff curves; the curves below are a
// reasonable reading of their names.

export type BackoffFunction = 'linear' | 'arithmetic' | 'geometric' | 'exponential';

export type HealthyRetryPolicy = {
  minDelayTarget: number;
  maxDelayTarget: number;
  numRetries: number;
  numMaxDelayRetries: number;
  numNoDelayRetries: number;
  numMinDelayRetries: number;
  backoffFunction: BackoffFunction;
};

export const DEFAULT_HEALTHY_RETRY_POLICY: HealthyRetryPolicy = {
  minDelayTarget: 20,
  maxDelayTarget: 20,
  numRetries: 3,
  numMaxDelayRetries: 0,
  numNoDelayRetries: 0,
  numMinDelayRetries: 0,
  backoffFunction: 'linear',
};

/** "By default, Amazon SNS sends all the notification to HTTP/S endpoints with Content-Type set to text/plain; charset=UTF-8" (http-header.html). */
export const DEFAULT_HTTP_CONTENT_TYPE = 'text/plain; charset=UTF-8';

/** "The connection will time out in 15 seconds." (SendMessageToHttp.prepare.html) */
export const HTTP_TIMEOUT_MS = 15_000;

/** Local retries for SQS and Lambda targets: AWS's immediate phase and pre-backoff phase only. */
export const MANAGED_RETRY_DELAYS_MS: readonly number[] = [0, 0, 0, 1_000, 1_000];

/** The topic's EffectiveDeliveryPolicy when it sets none, as GetTopicAttributes returns it. */
export const DEFAULT_EFFECTIVE_DELIVERY_POLICY = {
  http: {
    defaultHealthyRetryPolicy: DEFAULT_HEALTHY_RETRY_POLICY,
    disableSubscriptionOverrides: false,
    defaultRequestPolicy: { headerContentType: DEFAULT_HTTP_CONTENT_TYPE },
  },
};

export type HttpDeliveryPolicy = { retry: HealthyRetryPolicy; headerContentType: string };

/** The policy in force for an HTTP/S subscription, from its own and its topic's DeliveryPolicy JSON. */
export function httpDeliveryPolicy(subscriptionPolicy: string | undefined, topicPolicy: string | undefined): HttpDeliveryPolicy {
  const topic = parse(topicPolicy)?.http as Record<string, unknown> | undefined;
  const sub = parse(subscriptionPolicy);
  const overridesAllowed = topic?.disableSubscriptionOverrides !== true;
  const retry = {
    ...DEFAULT_HEALTHY_RETRY_POLICY,
    ...(topic?.defaultHealthyRetryPolicy as Partial<HealthyRetryPolicy> | undefined),
    ...(overridesAllowed ? (sub?.healthyRetryPolicy as Partial<HealthyRetryPolicy> | undefined) : undefined),
  };
  const headerContentType =
    ((overridesAllowed ? (sub?.requestPolicy as Record<string, unknown> | undefined) : undefined)?.headerContentType as string | undefined) ??
    ((topic?.defaultRequestPolicy as Record<string, unknown> | undefined)?.headerContentType as string | undefined) ??
    DEFAULT_HTTP_CONTENT_TYPE;
  return { retry, headerContentType };
}

/** The wait before each retry, in milliseconds, phase by phase. */
export function retryDelaysMs(policy: HealthyRetryPolicy): number[] {
  const min = policy.minDelayTarget * 1000;
  const max = policy.maxDelayTarget * 1000;
  const backoff = Math.max(0, policy.numRetries - policy.numNoDelayRetries - policy.numMinDelayRetries - policy.numMaxDelayRetries);
  const delays: number[] = [];
  for (let i = 0; i < policy.numNoDelayRetries; i += 1) delays.push(0);
  for (let i = 0; i < policy.numMinDelayRetries; i += 1) delays.push(min);
  for (let i = 1; i <= backoff; i += 1) delays.push(Math.round(backoffDelay(policy.backoffFunction, min, max, i / backoff)));
  for (let i = 0; i < policy.numMaxDelayRetries; i += 1) delays.push(max);
  return delays.slice(0, policy.numRetries);
}

function backoffDelay(fn: BackoffFunction, min: number, max: number, x: number): number {
  switch (fn) {
    case 'linear':
    case 'arithmetic':
      return min + (max - min) * x;
    case 'geometric':
      return min + (max - min) * x * x;
    case 'exponential':
      return min === 0 ? max * x : min * Math.pow(max / min, x);
  }
}

function parse(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
