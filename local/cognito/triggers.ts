// Runs a user pool's Lambda trigger through the local Lambda (FunctionTarget), synchronously
// as Cognito does, and reads its answer: the function must return the event; its `response`
// is what Cognito uses. A function error fails the operation with UserLambdaValidationException
// ("<Trigger> failed with error <message>."); a timeout with UnexpectedLambdaException
// ("<Trigger> invocation failed due to error Socket timeout while invoking Lambda function.",
// as in https://github.com/ustaxcourt/ef-cms/issues/7319).
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
import type { Logger } from '../shared/logger';
import type { FunctionTarget } from '../shared/localServices';
import { CognitoError, triggerFailed, unreadableTriggerResponse } from './errors';
import type { TriggerName, UserPoolConfig } from './options';
import type { TriggerEvent } from './triggerEvents';

export class CognitoTriggers {
  private warned = new Set<string>();

  constructor(
    private readonly functions: FunctionTarget | undefined,
    private readonly logger: Logger,
  ) {}

  /** Whether the pool has this trigger (and it can run). */
  has(pool: UserPoolConfig, trigger: TriggerName): boolean {
    return Boolean(pool.triggers[trigger]);
  }

  /** Runs the trigger if the pool has one; resolves to the response the function returned. */
  async run(pool: UserPoolConfig, trigger: TriggerName, event: TriggerEvent): Promise<Record<string, unknown> | undefined> {
    const arn = pool.triggers[trigger];
    if (!arn) return undefined;
    if (!this.functions) {
      if (!this.warned.has(arn)) this.logger.warn(`user pool ${pool.userPoolId}: ${trigger} trigger ${arn} not run (no local Lambda was given to the Cognito service)`);
      this.warned.add(arn);
      return undefined;
    }
    let result;
    try {
      result = await this.functions.invokeFunction(arn, event, 'RequestResponse');
    } catch (error) {
      throw new CognitoError('UnexpectedLambdaException', `${trigger} invocation failed due to error ${(error as Error).name}.`);
    }
    if (!result.ok) {
      if (result.error.errorType === 'Sandbox.Timedout') {
        throw new CognitoError('UnexpectedLambdaException', `${trigger} invocation failed due to error Socket timeout while invoking Lambda function.`);
      }
      this.logger.info(`user pool ${pool.userPoolId}: ${trigger} failed: ${result.error.errorMessage}`);
      throw triggerFailed(trigger, result.error.errorMessage);
    }
    const returned = result.result as { response?: unknown } | null;
    if (!returned || typeof returned !== 'object' || Array.isArray(returned)) throw unreadableTriggerResponse();
    const response = returned.response ?? {};
    if (typeof response !== 'object' || Array.isArray(response)) throw unreadableTriggerResponse();
    return response as Record<string, unknown>;
  }
}
