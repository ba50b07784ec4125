// The one screen `npm run dev` prints once everything listens: where each thing is served,
// what the template holds, and what the local runtime could not play.
import type { LocalStack } from './stack';
import { customResourceProviders } from './template/customResourceProviders';
import type { ResourceIds } from './template/stackOutputs';

type SummaryOptions = { dataDir?: string; endpointsFile: string };

/** A resource's short name: its construct path without the stack, or its logical id. */
function shortName(resource: ResourceIds, stackName: string): string {
  return resource.path ? resource.path.replace(`${stackName}/`, '') : resource.logicalId;
}

function named(stack: LocalStack, ...types: string[]): string {
  const providers = customResourceProviders(stack.model.template);
  const names = Object.values(stack.endpoints.resources)
    .filter((r) => types.includes(r.type) && !providers.has(r.logicalId))
    .map((r) => shortName(r, stack.endpoints.stackName));
  return names.length > 0 ? names.join(', ') : 'none';
}

export function startupSummary(stack: LocalStack, options: SummaryOptions): string {
  const e = stack.endpoints;
  const recipients = stack.smtp
    .ruleSets()
    .flatMap((set) => set.rules.flatMap((rule) => rule.recipients))
    .filter((r, i, all) => all.indexOf(r) === i);
  const row = (label: string, value: string) => `  ${label.padEnd(16)}${value}`;
  const lines = [
    '',
    `Calendar Invite Server is running locally (${options.dataDir ? `state in ${options.dataDir}` : 'in memory'}).`,
    '',
    row('Explorer', e.explorerUrl),
    row('Dashboard', e.dashboardUrl),
    row('GraphQL API', `${e.graphqlUrl}   (HTTPS ${e.graphqlHttpsUrl})`),
    row('Realtime', `${e.realtimeUrl}   (graphql-transport-ws ${e.wsUrl})`),
    row('Mail viewer', e.mailViewerUrl),
    row('SMTP (inbound)', `${e.smtp}   for ${recipients.join(', ') || 'no recipients'}`),
    '',
    row('API key', e.apiKey),
    row('Cognito', `${e.cognitoIssuer}   (client ${e.userPoolClientId})`),
    row('SigV4', `access key ${e.credentials.accessKeyId}, region ${e.region}`),
    row('Local CA', e.caFile),
    '',
    row('DynamoDB', `${e.aws.dynamodb}   ${named(stack, 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable')}`),
    row('SQS', `${e.aws.sqs}   ${named(stack, 'AWS::SQS::Queue')}`),
    row('SNS', `${e.aws.sns}   ${named(stack, 'AWS::SNS::Topic')}`),
    row('SES', e.aws.ses),
    row('S3', `${e.aws.s3}   ${named(stack, 'AWS::S3::Bucket')}`),
    row('Lambda', `${e.aws.lambda}   ${named(stack, 'AWS::Lambda::Function')}`),
    ...stack.functionUrls.urls.map(({ config, url }) => row('Function URL', `${url}   ${config.path?.replace(`${e.stackName}/`, '') ?? config.logicalId} (${config.authType})`)),
    row('Secrets Manager', `${e.aws.secrets_manager}   ${named(stack, 'AWS::SecretsManager::Secret')}`),
    '',
    row('Endpoints file', options.endpointsFile),
  ];
  const skipped = [
    ...stack.coverage.notPlayed.map((type) => `${type} (no local service)`),
    ...stack.customResources.filter((c) => !c.played).map((c) => `${c.type} ${c.logicalId}: ${c.note}`),
    ...stack.lambda.lambda.notPlayed
      .filter((f) => !customResourceProviders(stack.model.template).has(f.logicalId))
      .map((f) => `AWS::Lambda::Function ${f.logicalId}: ${f.reason}`),
  ];
  if (skipped.length > 0) lines.push('', 'Not played locally:', ...skipped.map((s) => `  - ${s}`));
  lines.push(
    '',
    'Get a token:    npm run -s token -- --email you@example.com',
    `Send mail in:   swaks --server ${e.smtp} --to ${recipients[0] ?? 'rsvp@<mail domain>'} --from you@example.com`,
    'Press Ctrl-C to stop.',
    '',
  );
  return lines.join('\n');
}
