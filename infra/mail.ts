import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import {
  ConfigurationSet,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  ReceiptRuleSet,
  TlsPolicy,
} from 'aws-cdk-lib/aws-ses';
import { S3 } from 'aws-cdk-lib/aws-ses-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { Settings } from './settings';

export interface MailProps {
  readonly settings: Settings;
  /** Where SES announces each received message (stored in the inbound bucket). */
  readonly inboundTopic: ITopic;
  /** Where SES reports bounces, complaints and deliveries of what the stack sends. */
  readonly feedbackTopic: ITopic;
  /**
   * Keep the inbound mail bucket when the stack is deleted.
   * @default true
   */
  readonly retainBucket?: boolean;
}

/** Construct id of CDK's AwsCustomResource singleton provider (aws-cdk-lib custom-resources). */
const AWS_CUSTOM_RESOURCE_PROVIDER_ID = 'AWS679f53fac002430cb0da5b7982bd2287';

/** Prefix of raw inbound messages in the bucket (SES appends its message id). */
export const INBOUND_PREFIX = 'inbound/';

/**
 * SES for the stack: the mail domain's identity, a configuration set whose events reach the
 * feedback topic, and inbound mail for the RSVP and requests addresses: a receipt rule stores
 * each message in S3 and announces it on the inbound topic. CloudFormation cannot activate
 * a receipt rule set, so the stack activates its own (only one is active per account and
 * region: deploying replaces whichever set was active).
 */
export class Mail extends Construct {
  readonly inboundBucket: Bucket;
  readonly configurationSet: ConfigurationSet;
  readonly ruleSet: ReceiptRuleSet;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    const { settings } = props;
    const retain = props.retainBucket ?? true;

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {});
    // The identity's default configuration set: every send from the domain reports its
    // bounces and complaints, whichever code sends it.
    new EmailIdentity(this, 'Domain', { identity: Identity.domain(settings.mailDomain), configurationSet: this.configurationSet });
    this.configurationSet.addEventDestination('Feedback', {
      destination: EventDestination.snsTopic(props.feedbackTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.DELIVERY, EmailSendingEvent.REJECT],
    });

    // Stateful: renaming this construct id replaces the bucket of received mail.
    this.inboundBucket = new Bucket(this, 'InboundBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      lifecycleRules: [{ prefix: INBOUND_PREFIX, expiration: Duration.days(90) }],
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(this.inboundBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'Only SES writes here (receipt rule) and only the ingestion function reads; CloudTrail data events cover access if a deployer needs them.',
    });

    this.ruleSet = new ReceiptRuleSet(this, 'RuleSet', {});
    this.ruleSet.addRule('Inbound', {
      recipients: [settings.rsvpEmail, settings.requestsEmail],
      scanEnabled: true,
      tlsPolicy: TlsPolicy.OPTIONAL,
      actions: [new S3({ bucket: this.inboundBucket, objectKeyPrefix: INBOUND_PREFIX, topic: props.inboundTopic })],
    });

    const activation = new AwsCustomResource(this, 'ActivateRuleSet', {
      onCreate: {
        service: 'SES',
        action: 'setActiveReceiptRuleSet',
        parameters: { RuleSetName: this.ruleSet.receiptRuleSetName },
        physicalResourceId: PhysicalResourceId.of(`active-receipt-rule-set-${Stack.of(this).region}`),
      },
      onUpdate: {
        service: 'SES',
        action: 'setActiveReceiptRuleSet',
        parameters: { RuleSetName: this.ruleSet.receiptRuleSetName },
        physicalResourceId: PhysicalResourceId.of(`active-receipt-rule-set-${Stack.of(this).region}`),
      },
      // Without a name, SetActiveReceiptRuleSet deactivates the active set.
      onDelete: { service: 'SES', action: 'setActiveReceiptRuleSet', parameters: {} },
      policy: AwsCustomResourcePolicy.fromSdkCalls({ resources: AwsCustomResourcePolicy.ANY_RESOURCE }),
      installLatestAwsSdk: false,
    });
    Validations.of(activation).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'ses:SetActiveReceiptRuleSet supports no resource-level permissions (Resource must be *).',
    });
    // The singleton function CDK runs AwsCustomResource calls with, shared in the stack.
    const provider = Stack.of(this).node.tryFindChild(AWS_CUSTOM_RESOURCE_PROVIDER_ID);
    if (provider) {
      Validations.of(provider).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: "CDK's AwsCustomResource provider function; the managed policy only lets it write its own logs.",
      });
    }
  }
}
