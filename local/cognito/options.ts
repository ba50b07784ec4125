// What the local Cognito takes from the template: user pools, their app clients and groups,
// the Lambda triggers of each pool (LambdaConfig), how users are named (UsernameAttributes)
// and the password policy.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cognito-userpool-lambdaconfig.html
import type { StackModel } from '../template/stackModel';

/** Triggers the local Cognito runs; the others in a template are reported as not run. */
export type TriggerName = 'PreSignUp' | 'PostConfirmation' | 'PreTokenGeneration';

export type PreTokenGenerationVersion = 'V1_0' | 'V2_0' | 'V3_0';

export type PasswordPolicy = {
  minimumLength: number;
  requireLowercase: boolean;
  requireUppercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
};

/** Cognito's default policy: 8 characters, with lower and upper case letters, numbers and symbols. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minimumLength: 8,
  requireLowercase: true,
  requireUppercase: true,
  requireNumbers: true,
  requireSymbols: true,
};

export type UserPoolConfig = {
  logicalId: string;
  userPoolId: string;
  clientIds: string[];
  groups: string[];
  /** Function ARNs by trigger. */
  triggers: Partial<Record<TriggerName, string>>;
  preTokenGenerationVersion: PreTokenGenerationVersion;
  /** LambdaConfig entries the local Cognito does not run (CustomMessage, PreAuthentication, ...). */
  ignoredTriggers: string[];
  /** `email` and/or `phone_number` when users sign in with them instead of a user name. */
  usernameAttributes: string[];
  passwordPolicy: PasswordPolicy;
};

const RUN: Record<string, TriggerName> = { PreSignUp: 'PreSignUp', PostConfirmation: 'PostConfirmation', PreTokenGeneration: 'PreTokenGeneration' };

type LambdaConfig = Record<string, unknown> & { PreTokenGenerationConfig?: { LambdaArn?: string; LambdaVersion?: string } };

type PoolProps = {
  LambdaConfig?: LambdaConfig;
  UsernameAttributes?: string[];
  Policies?: { PasswordPolicy?: { MinimumLength?: number; RequireLowercase?: boolean; RequireUppercase?: boolean; RequireNumbers?: boolean; RequireSymbols?: boolean } };
};

export function userPoolConfigs(model: StackModel): UserPoolConfig[] {
  const pools = model.ofType('AWS::Cognito::UserPool').map(([logicalId]): UserPoolConfig => {
    const props = model.properties(logicalId) as PoolProps;
    const lambdaConfig = props.LambdaConfig ?? {};
    const triggers: Partial<Record<TriggerName, string>> = {};
    const ignoredTriggers: string[] = [];
    for (const [key, value] of Object.entries(lambdaConfig)) {
      if (key === 'PreTokenGenerationConfig' || key === 'KMSKeyID') continue;
      if (RUN[key]) triggers[RUN[key]!] = String(value);
      else ignoredTriggers.push(key);
    }
    // PreTokenGenerationConfig (with the event version) takes the place of PreTokenGeneration.
    const tokenConfig = lambdaConfig.PreTokenGenerationConfig;
    if (tokenConfig?.LambdaArn) triggers.PreTokenGeneration = String(tokenConfig.LambdaArn);
    const policy = props.Policies?.PasswordPolicy;
    return {
      logicalId,
      userPoolId: String(model.ref(logicalId)),
      clientIds: [],
      groups: [],
      triggers,
      preTokenGenerationVersion: (tokenConfig?.LambdaVersion as PreTokenGenerationVersion | undefined) ?? 'V1_0',
      ignoredTriggers,
      usernameAttributes: props.UsernameAttributes ?? [],
      passwordPolicy: policy
        ? {
            minimumLength: policy.MinimumLength ?? DEFAULT_PASSWORD_POLICY.minimumLength,
            requireLowercase: policy.RequireLowercase ?? false,
            requireUppercase: policy.RequireUppercase ?? false,
            requireNumbers: policy.RequireNumbers ?? false,
            requireSymbols: policy.RequireSymbols ?? false,
          }
        : DEFAULT_PASSWORD_POLICY,
    };
  });
  const byId = new Map(pools.map((pool) => [pool.userPoolId, pool]));
  for (const [logicalId] of model.ofType('AWS::Cognito::UserPoolClient')) {
    const props = model.properties(logicalId);
    byId.get(String(props.UserPoolId))?.clientIds.push(String(model.ref(logicalId)));
  }
  for (const [logicalId] of model.ofType('AWS::Cognito::UserPoolGroup')) {
    const props = model.properties(logicalId);
    byId.get(String(props.UserPoolId))?.groups.push(String(props.GroupName ?? model.ref(logicalId)));
  }
  return pools;
}
