// CDK's AwsCustomResource calls: service names in SDK v2 or v3 form, actions in either case
// (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.custom_resources.AwsSdkCall.html).
import { describe, expect, it } from 'vitest';
import { commandName, parseAwsSdkCall, v3ServiceName } from '../../../../local/customResources/awsSdkCall';
import { resourceCoverage } from '../../../../local/template/resourceCoverage';

describe('AwsSdkCall', () => {
  it('maps v2 and v3 service names to the v3 package', () => {
    expect(v3ServiceName('SES')).toBe('ses');
    expect(v3ServiceName('@aws-sdk/client-ses')).toBe('ses');
    expect(v3ServiceName('CloudWatchLogs')).toBe('cloudwatch-logs');
    expect(v3ServiceName('CognitoIdentityServiceProvider')).toBe('cognito-identity-provider');
  });

  it('maps actions to command classes', () => {
    expect(commandName('setActiveReceiptRuleSet')).toBe('SetActiveReceiptRuleSetCommand');
    expect(commandName('PutObjectCommand')).toBe('PutObjectCommand');
  });

  it('reads the JSON string CDK writes into the template', () => {
    expect(parseAwsSdkCall('{"service":"SES","action":"setActiveReceiptRuleSet","parameters":{"RuleSetName":"x"}}')).toEqual({
      service: 'SES',
      action: 'setActiveReceiptRuleSet',
      parameters: { RuleSetName: 'x' },
    });
    expect(parseAwsSdkCall(undefined)).toBeUndefined();
    expect(() => parseAwsSdkCall('{"service":"SES"}')).toThrow(/service and action/);
  });
});

describe('resource coverage', () => {
  it('names the resources the local runtime cannot play, apart from those without local effect', () => {
    expect(resourceCoverage(['AWS::SQS::Queue', 'AWS::IAM::Role', 'AWS::StepFunctions::StateMachine', 'Custom::AWS', 'AWS::SQS::Queue'])).toEqual({
      played: ['AWS::SQS::Queue'],
      noLocalEffect: ['AWS::IAM::Role'],
      notPlayed: ['AWS::StepFunctions::StateMachine'],
    });
  });
});
