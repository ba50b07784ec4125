// Functions that only back custom resources (CDK's bucket notifications handler, the
// AwsCustomResource provider): the local runtime plays those resources itself
// (local/customResources), so these functions never need to run locally.
import type { CfnTemplate } from './cloudAssembly';

export function customResourceProviders(template: CfnTemplate): Set<string> {
  const tokens = Object.values(template.Resources)
    .filter((r) => r.Type.startsWith('Custom::') || r.Type === 'AWS::CloudFormation::CustomResource')
    .map((r) => JSON.stringify(r.Properties?.ServiceToken ?? ''));
  return new Set(
    Object.entries(template.Resources)
      .filter(([id, r]) => r.Type === 'AWS::Lambda::Function' && tokens.some((t) => t.includes(`"${id}"`)))
      .map(([id]) => id),
  );
}
