// What the local Cognito takes from the template: user pools, their app clients and groups.
import type { StackModel } from '../template/stackModel';

export type UserPoolConfig = {
  logicalId: string;
  userPoolId: string;
  clientIds: string[];
  groups: string[];
};

export function userPoolConfigs(model: StackModel): UserPoolConfig[] {
  const pools = model.ofType('AWS::Cognito::UserPool').map(([logicalId]) => ({
    logicalId,
    userPoolId: String(model.ref(logicalId)),
    clientIds: [] as string[],
    groups: [] as string[],
  }));
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
