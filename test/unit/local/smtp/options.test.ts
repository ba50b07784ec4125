// Receipt rule sets read from a hand-written template: rule order through `After`, the
// documented defaults, and each action's properties.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ses-receiptrule.html
// https://docs.aws.amazon.com/ses/latest/APIReference/API_CreateReceiptRule.html (After)
import { describe, expect, it } from 'vitest';
import type { CfnTemplate } from '../../../../local/template/cloudAssembly';
import { StackModel } from '../../../../local/template/stackModel';
import { ruleSetConfigs, verifiedDomains } from '../../../../local/smtp/options';

const template: CfnTemplate = {
  Resources: {
    RuleSet: { Type: 'AWS::SES::ReceiptRuleSet', Properties: { RuleSetName: 'InboundRules' } },
    Inbound: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'inbound-mail' } },
    // CDK chains rules: each names the previous one in After. Listed out of order on purpose.
    Third: {
      Type: 'AWS::SES::ReceiptRule',
      Properties: { RuleSetName: { Ref: 'RuleSet' }, After: { Ref: 'Second' }, Rule: { Name: 'third', Enabled: true, Actions: [{ StopAction: { Scope: 'RuleSet' } }] } },
    },
    First: {
      Type: 'AWS::SES::ReceiptRule',
      Properties: {
        RuleSetName: { Ref: 'RuleSet' },
        Rule: {
          Name: 'store',
          Enabled: true,
          ScanEnabled: true,
          TlsPolicy: 'Require',
          Recipients: ['RSVP@Invites.Example.com', 'requests.example.com'],
          Actions: [
            { AddHeaderAction: { HeaderName: 'X-Rule', HeaderValue: 'store' } },
            { S3Action: { BucketName: { Ref: 'Inbound' }, ObjectKeyPrefix: 'emails/', TopicArn: 'arn:aws:sns:us-east-1:000000000000:stored' } },
            { SNSAction: { TopicArn: 'arn:aws:sns:us-east-1:000000000000:raw', Encoding: 'Base64' } },
            { LambdaAction: { FunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:ingest', InvocationType: 'RequestResponse' } },
            { BounceAction: { Sender: 'mailer@example.com', SmtpReplyCode: '550', StatusCode: '5.1.1', Message: 'no such user' } },
            { WorkmailAction: { OrganizationArn: 'arn:aws:workmail:us-east-1:000000000000:organization/m' } },
          ],
        },
      },
    },
    Second: { Type: 'AWS::SES::ReceiptRule', Properties: { RuleSetName: { Ref: 'RuleSet' }, After: { Ref: 'First' }, Rule: { Name: 'second' } } },
    Domain: { Type: 'AWS::SES::EmailIdentity', Properties: { EmailIdentity: 'Invites.Example.com' } },
    Address: { Type: 'AWS::SES::EmailIdentity', Properties: { EmailIdentity: 'organizer@example.com' } },
  },
};

const model = () => new StackModel(template, { region: 'us-east-1', accountId: '000000000000', stackName: 'Invites', runtimeAttributes: new Map() });

describe('ruleSetConfigs', () => {
  it('orders rules through After, whatever their order in the template', () => {
    const [set] = ruleSetConfigs(model());
    expect(set!.name).toBe('InboundRules');
    expect(set!.rules.map((r) => r.name)).toEqual(['store', 'second', 'third']);
  });

  it('reads recipients (lower-cased), scan, TLS and every action in order', () => {
    const store = ruleSetConfigs(model())[0]!.rules[0]!;
    expect([store.enabled, store.scanEnabled, store.tlsPolicy, store.recipients]).toEqual([true, true, 'Require', ['rsvp@invites.example.com', 'requests.example.com']]);
    expect(store.actions).toEqual([
      { type: 'AddHeader', headerName: 'X-Rule', headerValue: 'store' },
      { type: 'S3', bucketName: 'inbound-mail', objectKeyPrefix: 'emails/', topicArn: 'arn:aws:sns:us-east-1:000000000000:stored' },
      { type: 'SNS', topicArn: 'arn:aws:sns:us-east-1:000000000000:raw', encoding: 'Base64' },
      { type: 'Lambda', functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:ingest', invocationType: 'RequestResponse' },
      { type: 'Bounce', sender: 'mailer@example.com', smtpReplyCode: '550', statusCode: '5.1.1', message: 'no such user' },
      { type: 'Unsupported', name: 'WorkmailAction' },
    ]);
  });

  it("applies the API's defaults: disabled, no scanning, TLS optional (API_ReceiptRule.html)", () => {
    const second = ruleSetConfigs(model())[0]!.rules[1]!;
    expect([second.enabled, second.scanEnabled, second.tlsPolicy, second.recipients, second.actions]).toEqual([false, false, 'Optional', [], []]);
  });

  it('takes domain identities (not address identities) as the verified domains', () => {
    expect(verifiedDomains(model())).toEqual(['invites.example.com']);
  });
});
