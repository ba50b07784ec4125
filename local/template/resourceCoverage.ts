// Which resources of the template the local runtime plays, which have no local effect
// (permissions, logs, metadata), and which it cannot play: the last are named at start-up.

/** Played by a local service. */
const PLAYED = new Set([
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::Cognito::UserPool',
  'AWS::Cognito::UserPoolClient',
  'AWS::Cognito::UserPoolGroup',
  'AWS::AppSync::GraphQLApi',
  'AWS::AppSync::GraphQLSchema',
  'AWS::AppSync::ApiKey',
  'AWS::AppSync::DataSource',
  'AWS::AppSync::FunctionConfiguration',
  'AWS::AppSync::Resolver',
  'AWS::Lambda::Function',
  'AWS::Lambda::EventSourceMapping',
  'AWS::Lambda::EventInvokeConfig',
  'AWS::Lambda::Url',
  'AWS::SQS::Queue',
  'AWS::SNS::Topic',
  'AWS::SNS::Subscription',
  'AWS::S3::Bucket',
  'AWS::SES::ReceiptRuleSet',
  'AWS::SES::ReceiptRule',
  'AWS::SES::ConfigurationSet',
  'AWS::SES::ConfigurationSetEventDestination',
  'AWS::SecretsManager::Secret',
]);

/** Resources whose effect does not exist locally: every local call is allowed, nothing is logged to CloudWatch. */
const NO_LOCAL_EFFECT: Record<string, string> = {
  'AWS::IAM::Role': 'permissions are not enforced locally',
  'AWS::IAM::Policy': 'permissions are not enforced locally',
  'AWS::IAM::ManagedPolicy': 'permissions are not enforced locally',
  'AWS::Lambda::Permission': 'permissions are not enforced locally',
  'AWS::SQS::QueuePolicy': 'permissions are not enforced locally',
  'AWS::SNS::TopicPolicy': 'permissions are not enforced locally',
  'AWS::S3::BucketPolicy': 'permissions are not enforced locally',
  'AWS::SecretsManager::ResourcePolicy': 'permissions are not enforced locally',
  'AWS::Logs::LogGroup': 'function and API logs go to the terminal',
  'AWS::CDK::Metadata': 'CDK bookkeeping',
  'AWS::SES::EmailIdentity': 'every sender is accepted locally',
  'AWS::CloudWatch::Alarm': 'no metrics locally',
  'AWS::KMS::Key': 'data is not encrypted locally',
  'AWS::KMS::Alias': 'data is not encrypted locally',
};

export type Coverage = { played: string[]; noLocalEffect: string[]; notPlayed: string[] };

/** Sorts the template's resource types; custom resources are reported by their own player. */
export function resourceCoverage(types: Iterable<string>): Coverage {
  const coverage: Coverage = { played: [], noLocalEffect: [], notPlayed: [] };
  for (const type of new Set(types)) {
    if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') continue;
    if (PLAYED.has(type)) coverage.played.push(type);
    else if (NO_LOCAL_EFFECT[type]) coverage.noLocalEffect.push(type);
    else coverage.notPlayed.push(type);
  }
  return coverage;
}
