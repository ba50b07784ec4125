// Deliverability on a stack of its own: the feedback queue and its subscription, the feedback
// function's and the links function's permissions, the function URL, cdk-nag.
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { Data } from '../../../infra/data';
import { Deliverability } from '../../../infra/deliverability';
import { Messaging } from '../../../infra/messaging';
import { TokenKey } from '../../../infra/tokenKey';

let app: App;
let stack: Stack;
let template: Template;
let deliverability: Deliverability;

beforeAll(() => {
  app = new App();
  stack = new Stack(app, 'DeliverabilityTest');
  const data = new Data(stack, 'Data', { retainTable: false });
  const messaging = new Messaging(stack, 'Messaging');
  deliverability = new Deliverability(stack, 'Deliverability', { table: data.table, feedbackTopic: messaging.sesFeedback, tokenKey: new TokenKey(stack, 'TokenKey') });
  template = Template.fromStack(stack);
}, 120_000);

const functionId = (description: RegExp) => {
  const [[id]] = Object.entries(template.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp(description.source) } }));
  return id!;
};

/** The DynamoDB statements of a function's role policy. */
function tableStatements(description: RegExp): { Action: string; Condition: Record<string, Record<string, unknown>> }[] {
  const role = template.findResources('AWS::Lambda::Function')[functionId(description)]!.Properties.Role['Fn::GetAtt'][0];
  const [policy] = Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: role }] } }));
  return policy!.Properties.PolicyDocument.Statement.filter((s: { Action: string | string[] }) => String(s.Action).startsWith('dynamodb:'));
}

describe('SES feedback', () => {
  it('reaches its own queue raw, Bounce, Complaint and Reject only (no Deliveries)', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'sqs',
      RawMessageDelivery: true,
      TopicArn: { Ref: Match.stringLikeRegexp('^MessagingSesFeedback') },
      Endpoint: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DeliverabilityFeedback[0-9A-F]+$'), 'Arn'] },
      FilterPolicyScope: 'MessageBody',
      FilterPolicy: { eventType: ['Bounce', 'Complaint', 'Reject'] },
    });
  });

  it('is retried per record from an encrypted queue, then kept in its DLQ', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 180,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DeliverabilityFeedbackDlq'), 'Arn'] }, maxReceiveCount: 5 },
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionId(/^SES bounces/) },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
  });

  it('may update suppression reasons and attendees’ delivery, and nothing else of the table', () => {
    const statements = tableStatements(/^SES bounces/);
    expect(statements.map((s) => [s.Action, s.Condition['ForAllValues:StringLike']!['dynamodb:LeadingKeys'], s.Condition['ForAllValues:StringEquals']!['dynamodb:Attributes']])).toEqual([
      ['dynamodb:UpdateItem', ['suppression#*'], ['pk', 'sk', 'email', 'reason', 'updatedAt']],
      ['dynamodb:UpdateItem', ['event#*'], ['pk', 'sk', 'delivery', 'updatedAt']],
    ]);
  });
});

describe('the attendee links', () => {
  it('are a function URL anyone may call (the token is the credential), which linksUrl names', () => {
    template.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE', TargetFunctionArn: { 'Fn::GetAtt': [functionId(/^Links in attendees/), 'Arn'] } });
    template.hasResourceProperties('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunctionUrl', Principal: '*', FunctionUrlAuthType: 'NONE' });
    template.hasResourceProperties('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', Principal: '*', InvokedViaFunctionUrl: true });
    expect(stack.resolve(deliverability.linksUrl)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/FunctionUrl/), 'FunctionUrl'] });
  });

  it('read the token key the secret names', () => {
    const fn = template.findResources('AWS::Lambda::Function')[functionId(/^Links in attendees/)]!;
    expect(fn.Properties.Environment.Variables).toEqual({ REGION: { Ref: 'AWS::Region' }, DYNAMODB_TABLE: { Ref: expect.stringMatching(/^DataTable/) }, TOKEN_SECRET_ARN: { Ref: expect.stringMatching(/^TokenKeySecret/) } });
  });

  it('may extend an address’s unsubscribe list and read an organizer’s address, never a suppression reason', () => {
    const statements = tableStatements(/^Links in attendees/);
    expect(statements.map((s) => [s.Action, s.Condition['ForAllValues:StringLike']!['dynamodb:LeadingKeys'], s.Condition['ForAllValues:StringEquals']!['dynamodb:Attributes']])).toEqual([
      ['dynamodb:UpdateItem', ['suppression#*'], ['pk', 'sk', 'email', 'unsubscribedFrom', 'updatedAt']],
      ['dynamodb:GetItem', ['suppression#*'], ['pk', 'sk', 'email', 'unsubscribedFrom', 'updatedAt']],
      ['dynamodb:GetItem', ['organizer#*'], ['pk', 'sk', 'email']],
    ]);
  });
});

describe('cdk-nag', () => {
  it('finds nothing unacknowledged in the deliverability construct', () => {
    const report = new AwsSolutionsChecks(app).validateScope(app);
    expect(report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });
});
