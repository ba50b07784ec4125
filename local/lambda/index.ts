// The local Lambda service: every function of the template, ready to invoke.
import type { Logger } from '../shared/logger';
import type { CloudAssembly } from '../template/cloudAssembly';
import type { StackModel } from '../template/stackModel';
import { LambdaFunction } from './lambdaFunction';
import { functionConfigs } from './options';

export class LambdaService {
  private readonly byKey = new Map<string, LambdaFunction>();

  constructor(readonly functions: LambdaFunction[]) {
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
  const functions = functionConfigs(model, assembly).map((config) => new LambdaFunction(config, runtimeEnvironment, logger));
  for (const fn of functions) logger.info(`function ${fn.name} (${fn.config.handler}, ${fn.config.timeout} s)`);
  return new LambdaService(functions);
}
