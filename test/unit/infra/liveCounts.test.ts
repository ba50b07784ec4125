// Live counts on a stack of their own, with a bare API (the real one bundles every resolver):
// the counts publisher's event source mapping, its one permission, cdk-nag.
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AuthorizationType, Definition, GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import { AwsSolutionsChecks } from 'cdk-nag';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Data } from '../../../infra/data';
import { LiveCounts } from '../../../infra/liveCounts';
import { PROJECT_ROOT } from '../../../infra/resolverBundle';

let app: App;
let template: Template;
let liveCounts: LiveCounts;

beforeAll(() => {
  app = new App();
  const stack = new Stack(app, 'LiveCountsTest');
  const data = new Data(stack, 'Data', { retainTable: false });
  const api = new GraphqlApi(stack, 'Api', {
    name: 'live-counts-test',
    definition: Definition.fromFile(join(PROJECT_ROOT, 'schema.graphql')),
    authorizationConfig: { defaultAuthorization: { authorizationType: AuthorizationType.IAM } },
  });
  liveCounts = new LiveCounts(stack, 'LiveCounts', { table: data.table, api });
  template = Template.fromStack(stack);
}, 120_000);

const publisherId = () => Object.keys(template.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('^Table stream \\(event items') } }))[0];

describe('the counts publisher', () => {
  it('gets the API’s GraphQL URL and REGION', () => {
    const fn = template.findResources('AWS::Lambda::Function')[publisherId()!];
    expect(fn.Properties.Environment.Variables).toEqual({ REGION: { Ref: 'AWS::Region' }, GRAPHQL_URL: { 'Fn::GetAtt': [expect.stringMatching(/^Api/), 'GraphQLUrl'] } });
  });

  it('reads only MODIFYs of event items from the latest position, one batch per shard at a time, retrying from the failed record', () => {
    const [mapping] = Object.values(template.findResources('AWS::Lambda::EventSourceMapping', { Properties: { FunctionName: { Ref: publisherId() } } }));
    expect(mapping.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [expect.stringMatching(/^DataTable/), 'StreamArn'] },
      StartingPosition: 'LATEST',
      BatchSize: 100,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 3,
      MaximumRecordAgeInSeconds: 300,
      ParallelizationFactor: 1,
    });
    expect(mapping.Properties.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual([
      { eventName: ['MODIFY'], dynamodb: { Keys: { pk: { S: [{ prefix: 'event#' }] }, sk: { S: ['event'] } } } },
    ]);
  });

  it('may call publishRsvpCounts and read the stream, nothing else', () => {
    const [policy] = Object.values(template.findResources('AWS::IAM::Policy', { Properties: { PolicyName: Match.stringLikeRegexp('^LiveCountsCountsPublisher') } }));
    const statements = policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[];
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions.filter((a) => !a.startsWith('logs:')).sort()).toEqual(['appsync:GraphQL', 'dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams']);
    const appsync = statements.find((s) => s.Action === 'appsync:GraphQL')!;
    expect(JSON.stringify(appsync.Resource)).toContain('/types/Mutation/fields/publishRsvpCounts');
  });
});

describe('cdk-nag', () => {
  it('finds nothing unacknowledged in the live counts construct', () => {
    const report = new AwsSolutionsChecks(app).validateScope(liveCounts);
    expect(report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });
});
