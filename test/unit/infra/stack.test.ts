import { Template, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildSchema, isObjectType } from 'graphql';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiKeyExpiry } from '../../../infra/api';
import { createApp } from '../../../infra/app';
import { RESOLVERS } from '../../../infra/resolvers';

let app: ReturnType<typeof createApp>['app'];
let template: Template;

// Synthesis bundles every resolver and function: well over vitest's default hook timeout.
beforeAll(() => {
  const created = createApp();
  app = created.app;
  template = Template.fromStack(created.stack);
}, 60_000);

describe('the CDK stack', () => {
  it('passes cdk-nag AwsSolutions checks, every suppression with a reason', () => {
    const report = new AwsSolutionsChecks(app).validateScope(app);
    expect(report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('has the single table: pk/sk, a GSI by organizer and start, stream with both images, PITR', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: 'byOrganizer',
          KeySchema: [
            { AttributeName: 'organizerId', KeyType: 'HASH' },
            { AttributeName: 'startsAt', KeyType: 'RANGE' },
          ],
        }),
      ],
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
    });
  });

  it('authorizes with Cognito user pools by default, API key and IAM in addition', () => {
    template.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      AuthenticationType: 'AMAZON_COGNITO_USER_POOLS',
      AdditionalAuthenticationProviders: [{ AuthenticationType: 'API_KEY' }, { AuthenticationType: 'AWS_IAM' }],
      EnvironmentVariables: Match.objectLike({ DEFAULT_MAX_ACTIVE_EVENTS: '50', DEFAULT_MAX_INVITATIONS_PER_EVENT: '10000', DEFAULT_MAX_INVITATIONS_PER_DAY: '5000' }),
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'admins' });
  });

  it('gives the API key an explicit expiry within AppSync’s 1..365 days', () => {
    const keys = Object.values(template.findResources('AWS::AppSync::ApiKey'));
    expect(keys).toHaveLength(1);
    const expires = keys[0].Properties.Expires as number;
    const days = (expires * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(300);
    expect(days).toBeLessThanOrEqual(365);
  });

  it('keeps the key expiry stable through the day and at least a day away', () => {
    const day = 86_400_000;
    const morning = Date.UTC(2030, 0, 1, 0, 5);
    const night = Date.UTC(2030, 0, 1, 23, 55);
    expect(apiKeyExpiry(365, morning).date.getTime()).toBe(apiKeyExpiry(365, night).date.getTime());
    expect(apiKeyExpiry(365, night).date.getTime() - night).toBeLessThanOrEqual(365 * day);
    expect(apiKeyExpiry(1, night).date.getTime() - night).toBeGreaterThanOrEqual(day);
  });

  it('has a queue with a DLQ for each kind of work, and the topics other systems subscribe to', () => {
    const queues = template.findResources('AWS::SQS::Queue');
    const withDlq = Object.values(queues).filter((q) => q.Properties.RedrivePolicy);
    // invite-dispatch, event-requests, notifications, notice-mail, SES feedback, imports,
    // acceptance digest timers.
    expect(withDlq).toHaveLength(7);
    for (const q of withDlq) expect(q.Properties.RedrivePolicy.maxReceiveCount).toBe(5);
    const names = Object.values(template.findResources('AWS::SNS::Topic')).map((t) => t.Properties.DisplayName);
    expect(names).toEqual(expect.arrayContaining(['NEW_EVENT_INVITE', 'EVENT_UPDATED', 'EVENT_CANCELLATION_REQUEST']));
  });

  it('receives mail for the RSVP and requests addresses into S3, announced on a topic, and activates its rule set', () => {
    template.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: Match.objectLike({
        Recipients: ['rsvp@calendar.localhost', 'requests@calendar.localhost'],
        ScanEnabled: true,
        Actions: [{ S3Action: Match.objectLike({ ObjectKeyPrefix: 'inbound/', TopicArn: Match.anyValue() }) }],
      }),
    });
    const activation = Object.values(template.findResources('Custom::AWS'))[0];
    expect(JSON.stringify(activation.Properties.Create)).toContain('setActiveReceiptRuleSet');
  });

  it('registers confirmed organizers with a PostConfirmation function: Node.js 22, its own log group, UpdateItem on organizer items only', () => {
    const functions = template.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('PostConfirmation') } });
    const [[id, fn]] = Object.entries(functions);
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      MemorySize: 256,
      Timeout: 5,
      LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
      Environment: {
        Variables: {
          REGION: { Ref: 'AWS::Region' },
          DYNAMODB_TABLE: { Ref: expect.any(String) },
          DEFAULT_MAX_ACTIVE_EVENTS: '50',
          DEFAULT_MAX_INVITATIONS_PER_EVENT: '10000',
          DEFAULT_MAX_INVITATIONS_PER_DAY: '5000',
        },
      },
    });
    template.hasResourceProperties('AWS::Cognito::UserPool', { LambdaConfig: { PostConfirmation: { 'Fn::GetAtt': [id, 'Arn'] } } });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'dynamodb:UpdateItem',
            Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['organizer#*', 'organizer-email#*'] } },
          }),
        ]),
      },
    });
    expect(Object.keys(template.findResources('Custom::LogRetention'))).toEqual([]);
  });

  it('takes default limits and the acceptance digest window from context', () => {
    const custom = createApp({ context: { maxActiveEvents: 5, acceptanceDigestMinutes: 15 } });
    Template.fromStack(custom.stack).hasResourceProperties('AWS::AppSync::GraphQLApi', {
      EnvironmentVariables: Match.objectLike({ DEFAULT_MAX_ACTIVE_EVENTS: '5', ACCEPTANCE_DIGEST_SECONDS: '900' }),
    });
  }, 60_000);

  it('attaches an APPSYNC_JS resolver to every Query and Mutation field of the schema', () => {
    const schema = buildSchema(readFileSync('local/appsync/schema/awsBuiltins.graphql', 'utf8') + readFileSync('schema.graphql', 'utf8'));
    const rootFields = ['Query', 'Mutation', 'Subscription'].flatMap((name) => {
      const type = schema.getType(name);
      return type && isObjectType(type) ? Object.keys(type.getFields()).map((field) => `${name}.${field}`) : [];
    });
    const wired = RESOLVERS.map((r) => `${r.typeName}.${r.fieldName}`);
    expect(wired.sort()).toEqual(rootFields.sort());
    const resolvers = Object.values(template.findResources('AWS::AppSync::Resolver'));
    expect(resolvers).toHaveLength(RESOLVERS.length);
    for (const r of resolvers) expect(r.Properties.Runtime).toEqual({ Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' });
  });
});
