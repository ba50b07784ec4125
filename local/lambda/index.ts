// The local Lambda service: every function of the template, ready to invoke, and the Lambda
// API in front of them (startLambda).
import type { Clock } from '../shared/clock';
import { startHttpServer, type RunningServer } from '../shared/httpServer';
import type { Logger } from '../shared/logger';
import type { LocalServices } from '../shared/localServices';
import type { CloudAssembly } from '../template/cloudAssembly';
import type { StackModel } from '../template/stackModel';
import { createLambdaApi, type LambdaApi } from './lambdaApi';
import { LambdaFunction } from './lambdaFunction';
import { functionConfigs, type FunctionNotPlayed } from './options';

export { createLambdaApi, type LambdaApi, type LambdaApiOptions } from './lambdaApi';
export type { AsyncOutcome } from './asyncInvocation';

export class LambdaService {
  private readonly byKey = new Map<string, LambdaFunction>();

  /** @param notPlayed the template's functions the local runtime cannot run, with the reason */
  constructor(
    readonly functions: LambdaFunction[],
    readonly notPlayed: FunctionNotPlayed[] = [],
  ) {
    for (const fn of functions) {
      for (const key of [fn.config.logicalId, fn.config.functionName, fn.config.arn]) this.byKey.set(key, fn);
    }
  }

  /** A function by logical id, name or ARN (a qualified ARN's version or alias is ignored locally). */
  find(nameOrArn: string): LambdaFunction | undefined {
    return this.byKey.get(nameOrArn) ?? this.byKey.get(nameOrArn.replace(/^(arn:[^:]+:lambda:[^:]+:[^:]+:function:[^:]+):.+$/, '$1'));
  }

  async stop(): Promise<void> {
    await Promise.all(this.functions.map((fn) => fn.stop()));
  }
}

/**
 * @param runtimeEnvironment what Lambda sets in every function's environment locally:
 *   region, local credentials and the AWS_ENDPOINT_URL_* of the local services.
 */
export function createLambdaService(
  model: StackModel,
  assembly: CloudAssembly,
  runtimeEnvironment: Record<string, string>,
  logger: Logger,
): LambdaService {
  const notPlayed: FunctionNotPlayed[] = [];
  const functions = functionConfigs(model, assembly, (skipped) => notPlayed.push(skipped)).map(
    (config) => new LambdaFunction(config, runtimeEnvironment, logger),
  );
  for (const fn of functions) logger.info(`function ${fn.name} (${fn.config.handler}, ${fn.config.timeout} s)`);
  // Most are CDK's custom resource handlers, played without them (local/customResources);
  // the stack warns about the others.
  for (const skipped of notPlayed) logger.info(`function ${skipped.logicalId} is not run locally: ${skipped.reason}`);
  return new LambdaService(functions, notPlayed);
}

export type StartLambdaOptions = {
  model: StackModel;
  assembly: CloudAssembly;
  /** 0 picks a free port. */
  port: number;
  /** As for createLambdaService; AWS_ENDPOINT_URL_LAMBDA is added (this API's URL). */
  runtimeEnvironment: Record<string, string>;
  /** The directory of local services: destinations go through it, and `functions` is registered in it. */
  services: LocalServices;
  clock?: Clock;
  logger: Logger;
  /** Waits before asynchronous retries (default 60 s then 120 s, as Lambda). */
  asyncRetryDelaysMs?: readonly number[];
};

export type RunningLambda = {
  lambda: LambdaService;
  api: LambdaApi;
  server: RunningServer;
  /** For AWS_ENDPOINT_URL_LAMBDA. */
  url: string;
  stop(): Promise<void>;
};

/**
 * Starts the Lambda API on a port, then the functions (whose environment names that port, so
 * functions can invoke functions), and registers them in LocalServices.
 */
export async function startLambda(options: StartLambdaOptions): Promise<RunningLambda> {
  let api: LambdaApi | undefined;
  const server = await startHttpServer('Lambda', options.port, (req, res) => api!.handler(req, res));
  const lambda = createLambdaService(options.model, options.assembly, { ...options.runtimeEnvironment, AWS_ENDPOINT_URL_LAMBDA: server.url }, options.logger);
  api = createLambdaApi({
    lambda,
    model: options.model,
    services: options.services,
    clock: options.clock,
    logger: options.logger,
    asyncRetryDelaysMs: options.asyncRetryDelaysMs,
  });
  options.services.register({ functions: api.functions });
  options.logger.info(`Lambda API on ${server.url}`);
  return {
    lambda,
    api,
    server,
    url: server.url,
    stop: async () => {
      api!.stop();
      await server.close();
      await lambda.stop();
    },
  };
}
