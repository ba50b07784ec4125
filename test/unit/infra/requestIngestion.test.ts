// The ingestion function on a stack of its own, with a bare API (the real one bundles every
// resolver): the mutations it may call, and cdk-nag.
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AuthorizationType, Definition, GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Data } from '../../../infra/data';
import { RequestIngestion } from '../../../infra/requestIngestion';
import { PROJECT_ROOT } from '../../../infra/resolverBundle';

let app: App;
let template: Template;
let ingestion: RequestIngestion;

beforeAll(() => {
  app = new App();
  const stack = new Stack(app, 'RequestIngestionTest');
  const data = new Data(stack, 'Data', { retainTable: false });
  const api = new GraphqlApi(stack, 'Api', {
    name: 'request-ingestion-test',
    definition: Definition.fromFile(join(PROJECT_ROOT, 'schema.graphql')),
    authorizationConfig: { defaultAuthorization: { authorizationType: AuthorizationType.IAM } },
  });
  ingestion = new RequestIngestion(stack, 'RequestIngestion', {
    table: data.table,
    queue: new Queue(stack, 'Requests'),
    inboundBucket: new Bucket(stack, 'Inbound'),
    api,
    requestsEmail: 'requests@calendar.example',
    rsvpEmail: 'rsvp@calendar.example',
  });
  template = Template.fromStack(stack);
}, 120_000);

describe('the ingestion function', () => {
  it('may call startImport, recordEmailRsvp, createEvent and inviteAttendees on the API, no other field', () => {
    const [policy] = Object.values(template.findResources('AWS::IAM::Policy', { Properties: { PolicyName: Match.stringLikeRegexp('^RequestIngestion') } }));
    const statements = policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[];
    const appsync = statements.filter((s) => s.Action === 'appsync:GraphQL');
    const fields = JSON.stringify(appsync.map((s) => s.Resource)).match(/types\/\w+\/fields\/\w+/g);
    expect(fields?.sort()).toEqual(['types/Mutation/fields/createEvent', 'types/Mutation/fields/inviteAttendees', 'types/Mutation/fields/recordEmailRsvp', 'types/Mutation/fields/startImport']);
  });

  it('gets both inbound addresses (the RSVP one also gives our UIDs’ domain)', () => {
    const [fn] = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('recordEmailRsvp') } }));
    expect(fn!.Properties.Environment.Variables).toMatchObject({ REQUESTS_EMAIL: 'requests@calendar.example', RSVP_EMAIL: 'rsvp@calendar.example' });
  });
});

describe('cdk-nag', () => {
  it('finds nothing unacknowledged in the ingestion construct', () => {
    const report = new AwsSolutionsChecks(app).validateScope(ingestion);
    expect(report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });
});
