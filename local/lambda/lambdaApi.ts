// Wires the local Lambda API: the template's functions (LambdaService), the asynchronous
// invocation queue with its EventInvokeConfigs and destinations, the HTTP handler for
// @aws-sdk/client-lambda, and the FunctionTarget to register in LocalServices.
import { systemClock, type Clock } from '../shared/clock';
import type { RequestHandler } from '../shared/httpServer';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from '../shared/localCredentials';
import type { Logger } from '../shared/logger';
import type { FunctionTarget } from '../shared/localServices';
import { IamVerifier, localIamPrincipals } from '../shared/sigv4/verifier';
import type { StackModel } from '../template/stackModel';
import { AsyncInvocationQueue, type AsyncOutcome } from './asyncInvocation';
import type { DestinationServices } from './destinations';
import { asyncInvokeConfigs } from './eventInvokeConfig';
import type { LambdaService } from './index';
import { LocalLambda } from './localLambda';
import { lambdaRouter } from './router';

export type LambdaApiOptions = {
  lambda: LambdaService;
  /** The template, for AWS::Lambda::EventInvokeConfig (retries, event age, destinations). */
  model?: StackModel;
  /** Where destinations and dead letters go: the LocalServices directory. */
  services?: DestinationServices;
  clock?: Clock;
  logger: Logger;
  region?: string;
  accountId?: string;
  /** Waits before asynchronous retries; default 60 s then 120 s, as Lambda. */
  asyncRetryDelaysMs?: readonly number[];
  onAsyncOutcome?: (outcome: AsyncOutcome) => void;
};

export type LambdaApi = {
  /** The HTTP handler (serve it with startHttpServer; clients set AWS_ENDPOINT_URL_LAMBDA to it). */
  handler: RequestHandler;
  /** Register as `services.register({ functions })`. */
  functions: FunctionTarget;
  /** The asynchronous invocation queue (tests wait on `settled()`). */
  asyncQueue: AsyncInvocationQueue;
  stop(): void;
};

export function createLambdaApi(options: LambdaApiOptions): LambdaApi {
  const clock = options.clock ?? systemClock;
  const region = options.region ?? options.model?.env.region ?? LOCAL_REGION;
  const accountId = options.accountId ?? options.model?.env.accountId ?? LOCAL_ACCOUNT_ID;
  const configs = options.model ? asyncInvokeConfigs(options.model) : new Map();
  const asyncQueue = new AsyncInvocationQueue({
    configFor: (name) => configs.get(name),
    destinations: options.services,
    clock,
    logger: options.logger,
    retryDelaysMs: options.asyncRetryDelaysMs,
    onOutcome: options.onAsyncOutcome,
  });
  const lambda = new LocalLambda(options.lambda, asyncQueue, { region, accountId });
  // Signatures are checked against the wall clock, which signing clients use, not the injected one.
  const verifier = new IamVerifier({ service: 'lambda', region, principals: localIamPrincipals() });
  return {
    handler: lambdaRouter(lambda, verifier, options.logger),
    functions: lambda,
    asyncQueue,
    stop: () => asyncQueue.stop(),
  };
}
