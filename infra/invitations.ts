import { Duration, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IConfigurationSet } from 'aws-cdk-lib/aws-ses';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DISPATCHER_CONSUMER } from '../functions/inviteDispatcher/dispatchMail';
import { STAGER_CONSUMER } from '../functions/inviteStager/awsPorts';
import { eventKey, messageKey, organizerKey, suppressionKey } from '../resolvers/lib/keys';
import { NodeFunction } from './nodeFunction';
import type { TokenKey } from './tokenKey';

export interface InvitationsProps {
  /** The single table: events, attendees, suppressions, organizers, idempotency items. */
  readonly table: ITableV2;
  /** invite-dispatch: one message = one mail to one attendee. */
  readonly inviteDispatch: IQueue;
  /** notifications: EVENT_UPDATED and EVENT_CANCELLATION_REQUEST (SNS envelopes). */
  readonly notifications: IQueue;
  readonly tokenKey: TokenKey;
  /** From address of invitations (an SES identity, or on a verified domain). */
  readonly sender: string;
  /** The ORGANIZER address of every invitation: replies arrive there. */
  readonly rsvpEmail: string;
  /** The configuration set SES applies to the sender's domain (bounces and complaints). */
  readonly configurationSet: IConfigurationSet;
  /** Base URL of the attendee links function (unsubscribe, RSVP pages). */
  readonly linksUrl: string;
  /**
   * Dispatcher invocations at once: with ten mails per invocation, about the sending rate
   * SES allows a new production account (14 per second). Throttling slows it further.
   * @default 4
   */
  readonly dispatchConcurrency?: number;
}

/** Dispatcher timeout: the invite-dispatch queue's visibility timeout (180 s) is six times it. */
export const DISPATCHER_TIMEOUT = Duration.seconds(30);
/** Stager timeout: the notifications queue's visibility timeout (360 s) is six times it. */
export const STAGER_TIMEOUT = Duration.seconds(60);

/**
 * Invitations by mail (ARCHITECTURE.md flows 4 and 5):
 * - the dispatcher (functions/inviteDispatcher) takes each invite-dispatch message and sends
 *   one iMIP mail with SES, once (send-once claims), recording the delivery on the attendee;
 * - the stager (functions/inviteStager) turns each EVENT_UPDATED / EVENT_CANCELLATION_REQUEST
 *   into one invite-dispatch message per attendee.
 */
export class Invitations extends Construct {
  readonly dispatcher: NodeFunction;
  readonly stager: NodeFunction;

  constructor(scope: Construct, id: string, props: InvitationsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const table = props.table.tableArn;

    this.dispatcher = new NodeFunction(this, 'InviteDispatcher', {
      entry: 'inviteDispatcher/handler.ts',
      description: 'invite-dispatch queue -> one iMIP invitation, update or cancellation per attendee (SES), sent once',
      timeout: DISPATCHER_TIMEOUT,
      memorySize: 512,
      environment: {
        REGION: stack.region,
        DYNAMODB_TABLE: props.table.tableName,
        SENDER: props.sender,
        RSVP_EMAIL: props.rsvpEmail,
        LINKS_URL: props.linksUrl,
      },
    });
    for (const [name, value] of Object.entries(props.tokenKey.grantRead(this.dispatcher.role))) this.dispatcher.fn.addEnvironment(name, value);
    this.dispatcher.fn.addEventSource(
      new SqsEventSource(props.inviteDispatch, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: props.dispatchConcurrency ?? 4 }),
    );
    const role = this.dispatcher.role;
    // The event, the attendee (event partition) and the address's suppression, in full.
    role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:BatchGetItem', 'dynamodb:GetItem'],
        resources: [table],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [eventKey('*').pk, suppressionKey('*').pk] } },
      }),
    );
    // An organizer's id and address only.
    role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:GetItem'],
        resources: [table],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [organizerKey('*').pk] },
          'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['pk', 'sk', 'id', 'email'] },
          StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
        },
      }),
    );
    // The attendee's delivery record, and nothing else of the event partition.
    role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:UpdateItem'],
        resources: [table],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [eventKey('*').pk] },
          'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['pk', 'sk', 'delivery'] },
        },
      }),
    );
    this.allowClaims(role, table, DISPATCHER_CONSUMER, ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']);
    // SES sending from the sender address only, through the domain's default configuration set.
    const senderDomain = props.sender.split('@').pop() ?? props.sender;
    role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: senderDomain }),
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: props.sender }),
          stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: props.configurationSet.configurationSetName }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': props.sender } },
      }),
    );

    this.stager = new NodeFunction(this, 'InviteStager', {
      entry: 'inviteStager/handler.ts',
      description: 'EVENT_UPDATED / EVENT_CANCELLATION_REQUEST -> one invite-dispatch message per attendee',
      timeout: STAGER_TIMEOUT,
      environment: {
        REGION: stack.region,
        DYNAMODB_TABLE: props.table.tableName,
        SQS_URL: props.inviteDispatch.queueUrl,
      },
    });
    this.stager.fn.addEventSource(new SqsEventSource(props.notifications, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: 2 }));
    // The attendees' addresses only.
    this.stager.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:Query'],
        resources: [table],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [eventKey('*').pk] },
          'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['pk', 'sk', 'email'] },
          StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
        },
      }),
    );
    this.allowClaims(this.stager.role, table, STAGER_CONSUMER, ['dynamodb:GetItem', 'dynamodb:PutItem']);
    props.inviteDispatch.grantSendMessages(this.stager.role);
  }

  /** `actions` on the consumer's own idempotency items only. */
  private allowClaims(role: NodeFunction['role'], table: string, consumer: string, actions: string[]) {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions,
        resources: [table],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [messageKey(`${consumer}/*`).pk] } },
      }),
    );
  }
}
