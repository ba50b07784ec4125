import { Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IConfigurationSet } from 'aws-cdk-lib/aws-ses';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { NOTICE_MAILER_CONSUMER } from '../functions/noticeMailer/deliverNotice';
import { messageKey } from '../resolvers/lib/keys';
import { organizerKey } from '../resolvers/lib/keys';
import { NOTICE_MAILER_TIMEOUT } from './messaging';
import { NodeFunction } from './nodeFunction';

export interface NoticeMailProps {
  /** The single table: organizers' addresses, and the mailer's idempotency items. */
  readonly table: ITableV2;
  /** The notice-mail queue (raw deliveries from the organizer notices topic). */
  readonly queue: IQueue;
  /** From address of the notices (an SES identity, or on a verified domain). */
  readonly sender: string;
  /** The configuration set SES applies to the sender's domain (Mail's). */
  readonly configurationSet: IConfigurationSet;
}

/** Messages a mailer invocation takes (SQS allows up to 10 without a batching window). */
export const NOTICE_MAIL_BATCH_SIZE = 10;

/**
 * Organizer notices by email: the notice mailer (functions/noticeMailer) takes each notice
 * from the notice-mail queue and sends it with SES to the organizer's address, once (an
 * idempotency item per notice). Failures a retry may fix are retried per message and end in
 * the queue's DLQ; what can never be sent is logged and dropped.
 */
export class NoticeMail extends Construct {
  readonly mailer: NodeFunction;

  constructor(scope: Construct, id: string, props: NoticeMailProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.mailer = new NodeFunction(this, 'NoticeMailer', {
      entry: 'noticeMailer/handler.ts',
      description: 'Organizer notices queue -> one email per notice (SES), sent once',
      timeout: NOTICE_MAILER_TIMEOUT,
      environment: {
        REGION: stack.region,
        DYNAMODB_TABLE: props.table.tableName,
        SENDER: props.sender,
      },
    });
    this.mailer.fn.addEventSource(
      new SqsEventSource(props.queue, {
        batchSize: NOTICE_MAIL_BATCH_SIZE,
        reportBatchItemFailures: true,
        // Notices are few; two concurrent mailers keep their sends well under SES's rate.
        maxConcurrency: 2,
      }),
    );

    const claims = messageKey(`${NOTICE_MAILER_CONSUMER}/*`).pk;
    // Its own idempotency items only.
    this.mailer.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
        resources: [props.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [claims] } },
      }),
    );
    // An organizer's address, and nothing else of the organizer item.
    this.mailer.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:GetItem'],
        resources: [props.table.tableArn],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [organizerKey('*').pk] },
          'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['pk', 'sk', 'email'] },
          StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
        },
      }),
    );
    // SES sending from the sender address only, through the stack's identity (the address or
    // its domain, whichever SES uses) and the domain's default configuration set.
    const senderDomain = props.sender.split('@').pop() ?? props.sender;
    this.mailer.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail'],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: senderDomain }),
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: props.sender }),
          stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: props.configurationSet.configurationSetName }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': props.sender } },
      }),
    );
  }
}
