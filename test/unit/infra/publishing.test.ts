// The publishing side on a stack of its own (synthesizing the whole app twice is slow):
// the stream publisher's event source mapping, the notice mailer, their permissions, cdk-nag.
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { Data } from '../../../infra/data';
import { Mail } from '../../../infra/mail';
import { Messaging } from '../../../infra/messaging';
import { NoticeMail } from '../../../infra/noticeMail';
import { MAX_EVENT_SOURCE_FILTERS, Publishing } from '../../../infra/publishing';
import { DEFAULT_SETTINGS } from '../../../infra/settings';

let app: App;
let template: Template;

beforeAll(() => {
  app = new App();
  const stack = new Stack(app, 'PublishingTest');
  const data = new Data(stack, 'Data', { retainTable: false });
  const messaging = new Messaging(stack, 'Messaging');
  const mail = new Mail(stack, 'Mail', { settings: DEFAULT_SETTINGS, inboundTopic: messaging.inboundMail, feedbackTopic: messaging.sesFeedback, retainBucket: false });
  new Publishing(stack, 'Publishing', {
    table: data.table,
    newEventInvite: messaging.newEventInvite,
    eventUpdated: messaging.eventUpdated,
    eventCancellationRequest: messaging.eventCancellationRequest,
    organizerNotices: messaging.organizerNotices,
  });
  new NoticeMail(stack, 'NoticeMail', { table: data.table, queue: messaging.noticeMail.queue, sender: DEFAULT_SETTINGS.sender, configurationSet: mail.configurationSet });
  template = Template.fromStack(stack);
}, 120_000);

const functionId = (description: RegExp) => {
  const [[id]] = Object.entries(template.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp(description.source) } }));
  return id;
};

describe('the stream publisher', () => {
  it('gets the four topic ARNs in the seed’s variable names, and REGION', () => {
    const fn = template.findResources('AWS::Lambda::Function')[functionId(/^Table stream/)];
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Handler: 'index.handler', Timeout: 60 });
    expect(fn.Properties.Environment.Variables).toEqual({
      REGION: { Ref: 'AWS::Region' },
      NEW_EVENT_INVITE: { Ref: expect.stringMatching(/^MessagingNewEventInvite/) },
      EVENT_UPDATED: { Ref: expect.stringMatching(/^MessagingEventUpdated/) },
      EVENT_CANCELLATION_REQUEST: { Ref: expect.stringMatching(/^MessagingEventCancellationRequest/) },
      ORGANIZER_NOTICES: { Ref: expect.stringMatching(/^MessagingOrganizerNotices/) },
    });
  });

  it('reads the table’s stream from the start, in batches, retrying from the failed record, then describing the batch to an encrypted queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionId(/^Table stream/) },
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataTable'), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 12 * 3600,
      ParallelizationFactor: 1,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PublishingStreamFailures'), 'Arn'] } } },
    });
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86_400 });
  });

  it('is invoked only for event, attendee-insert, organizer-profile and notice items, within Lambda’s filter quota', () => {
    const [mapping] = Object.values(template.findResources('AWS::Lambda::EventSourceMapping', { Properties: { FunctionName: { Ref: functionId(/^Table stream/) } } }));
    const patterns = mapping.Properties.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern));
    expect(patterns).toEqual([
      { eventName: ['INSERT', 'MODIFY'], dynamodb: { Keys: { pk: { S: [{ prefix: 'event#' }] }, sk: { S: ['event'] } } } },
      { eventName: ['MODIFY'], dynamodb: { Keys: { pk: { S: [{ prefix: 'organizer#' }] }, sk: { S: ['profile'] } } } },
      { eventName: ['INSERT'], dynamodb: { Keys: { pk: { S: [{ prefix: 'organizer#' }] }, sk: { S: [{ prefix: 'notice#' }] } } } },
      { eventName: ['INSERT'], dynamodb: { Keys: { pk: { S: [{ prefix: 'event#' }] }, sk: { S: [{ prefix: 'attendee#' }] } } } },
    ]);
    expect(patterns.length).toBeLessThanOrEqual(MAX_EVENT_SOURCE_FILTERS);
  });

  it('may publish to the four topics and nothing else: no table access, no KMS', () => {
    const [policy] = Object.values(template.findResources('AWS::IAM::Policy', { Properties: { PolicyName: Match.stringLikeRegexp('^PublishingStreamPublisher') } }));
    const statements = policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[];
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions.filter((a) => a.startsWith('sns:'))).toEqual(['sns:Publish', 'sns:Publish', 'sns:Publish', 'sns:Publish']);
    expect(actions.filter((a) => a.startsWith('kms:'))).toEqual([]);
    expect(actions.filter((a) => a.startsWith('dynamodb:')).sort()).toEqual(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams']);
  });
});

describe('the notice mailer', () => {
  it('takes the notice-mail queue, fed raw by the organizer notices topic', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'sqs',
      RawMessageDelivery: true,
      TopicArn: { Ref: Match.stringLikeRegexp('^MessagingOrganizerNotices') },
      Endpoint: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MessagingNoticeMail'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::SQS::Queue', { VisibilityTimeout: 180, RedrivePolicy: { maxReceiveCount: 5, deadLetterTargetArn: Match.anyValue() } });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionId(/^Organizer notices queue/) },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
    const fn = template.findResources('AWS::Lambda::Function')[functionId(/^Organizer notices queue/)];
    expect(fn.Properties.Timeout).toBe(30);
    expect(fn.Properties.Environment.Variables).toEqual({ REGION: { Ref: 'AWS::Region' }, DYNAMODB_TABLE: { Ref: expect.stringMatching(/^DataTable/) }, SENDER: DEFAULT_SETTINGS.sender });
  });

  it('may touch only its own idempotency items, read only organizers’ email, and send only as the sender', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyName: Match.stringLikeRegexp('^NoticeMailNoticeMailer'),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
            Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['message#noticeMailer/*'] } },
          }),
          Match.objectLike({
            Action: 'dynamodb:GetItem',
            Condition: {
              'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['organizer#*'] },
              'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['pk', 'sk', 'email'] },
              StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
            },
          }),
          Match.objectLike({ Action: 'ses:SendEmail', Condition: { StringEquals: { 'ses:FromAddress': DEFAULT_SETTINGS.sender } } }),
        ]),
      },
    });
  });
});

describe('cdk-nag', () => {
  it('finds nothing unacknowledged in the publishing constructs', () => {
    const report = new AwsSolutionsChecks(app).validateScope(app);
    expect(report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });
});
