import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FunctionUrlAuthType, type FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { FilterOrPolicy, SubscriptionFilter, type ITopic } from 'aws-cdk-lib/aws-sns';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { RSVP_ATTENDEE_ATTRIBUTES, RSVP_EVENT_ATTRIBUTES } from '../functions/attendeeLinks/rsvpRequests';
import { eventKey, organizerKey, suppressionKey } from '../resolvers/lib/keys';
import { NodeFunction } from './nodeFunction';
import type { TokenKey } from './tokenKey';

export interface DeliverabilityProps {
  /** The single table: suppression items, attendees (delivery), organizers' addresses. */
  readonly table: ITableV2;
  /** Where SES publishes the configuration set's events (Messaging's sesFeedback). */
  readonly feedbackTopic: ITopic;
  /** The key unsubscribe tokens are signed with (the links function checks them). */
  readonly tokenKey: TokenKey;
  /**
   * Receives of one feedback message before SQS moves it to the DLQ.
   * @default 5
   */
  readonly maxReceiveCount?: number;
}

/** How long the feedback function may run: the queue's visibility timeout is six times this (AWS guidance for SQS event sources). */
export const FEEDBACK_TIMEOUT = Duration.seconds(30);
/** Messages per invocation (SQS allows up to 10 without a batching window). */
export const FEEDBACK_BATCH_SIZE = 10;
/** The SES event types the function acts on; the subscription drops the rest (Deliveries are most of them). */
export const FEEDBACK_EVENT_TYPES = ['Bounce', 'Complaint', 'Reject'];
/** What the RSVP page reads of an event and of an attendee (the same partition), and nothing else. */
export const RSVP_PAGE_ATTRIBUTES = ['pk', 'sk', ...new Set([...RSVP_EVENT_ATTRIBUTES, ...RSVP_ATTENDEE_ATTRIBUTES])];

/**
 * Deliverability (ARCHITECTURE.md section 5, flow 11):
 * - SES feedback: the feedback topic -> a queue of its own (raw delivery, Bounce / Complaint /
 *   Reject only) -> functions/sesFeedback, which suppresses hard-bounced and complaining
 *   addresses and marks the invitation's attendee. A queue rather than SNS invoking the
 *   function: a burst of bounces (a bad list) is absorbed and drained at a bounded
 *   concurrency, failures are retried per record with partial batch responses and kept in a
 *   DLQ for 14 days where an operator can redrive them, as for every other consumer here;
 *   SNS -> Lambda would retry an asynchronous invoke only twice and need an on-failure
 *   destination besides.
 * - The attendee links: functions/attendeeLinks behind a function URL (auth NONE: the signed
 *   token in the path is the credential), serving RFC 8058 one-click unsubscribe and, once
 *   `allowRsvp` gives it the API, the RSVP page; `linksUrl` is what invitations link to (their
 *   List-Unsubscribe header, their Yes / Maybe / No links).
 */
export class Deliverability extends Construct {
  readonly feedbackQueue: Queue;
  readonly feedbackDlq: Queue;
  readonly feedback: NodeFunction;
  readonly links: NodeFunction;
  readonly linksFunctionUrl: FunctionUrl;
  /** The links function's URL, ending in `/` (`https://<id>.lambda-url.<region>.on.aws/`). */
  readonly linksUrl: string;
  private readonly table: ITableV2;

  constructor(scope: Construct, id: string, props: DeliverabilityProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const table = props.table;
    this.table = table;

    // Stateful: renaming these construct ids replaces the queues (and drops their messages).
    this.feedbackDlq = new Queue(this, 'FeedbackDlq', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.feedbackDlq).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue.' });
    // SSE-SQS, not KMS: the topic SES publishes to is unencrypted and SNS delivers to SSE-SQS queues without a key grant.
    this.feedbackQueue = new Queue(this, 'Feedback', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(FEEDBACK_TIMEOUT.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.feedbackDlq, maxReceiveCount: props.maxReceiveCount ?? 5 },
    });
    props.feedbackTopic.addSubscription(
      new SqsSubscription(this.feedbackQueue, {
        rawMessageDelivery: true,
        filterPolicyWithMessageBody: { eventType: FilterOrPolicy.filter(SubscriptionFilter.stringFilter({ allowlist: FEEDBACK_EVENT_TYPES })) },
      }),
    );

    this.feedback = new NodeFunction(this, 'SesFeedback', {
      entry: 'sesFeedback/handler.ts',
      description: "SES bounces and complaints -> suppressed addresses and the attendees' delivery state",
      timeout: FEEDBACK_TIMEOUT,
      environment: { REGION: stack.region, DYNAMODB_TABLE: table.tableName },
    });
    this.feedback.fn.addEventSource(
      new SqsEventSource(this.feedbackQueue, {
        batchSize: FEEDBACK_BATCH_SIZE,
        reportBatchItemFailures: true,
        // A burst of bounces waits in the queue rather than taking the table's capacity.
        maxConcurrency: 2,
      }),
    );
    // Suppression items: the reason, never an unsubscribe list.
    this.feedback.role.addToPrincipalPolicy(
      updateOnly(table, suppressionKey('*').pk, ['pk', 'sk', 'email', 'reason', 'updatedAt']),
    );
    // Attendees: their delivery only (event items share the partition; the update's condition needs `delivery`).
    this.feedback.role.addToPrincipalPolicy(updateOnly(table, eventKey('*').pk, ['pk', 'sk', 'delivery', 'updatedAt']));

    this.links = new NodeFunction(this, 'AttendeeLinks', {
      entry: 'attendeeLinks/handler.ts',
      description: "Links in attendees' mail (function URL): one-click unsubscribe, the RSVP page",
      environment: { REGION: stack.region, DYNAMODB_TABLE: table.tableName },
    });
    for (const [name, value] of Object.entries(props.tokenKey.grantRead(this.links.role))) this.links.fn.addEnvironment(name, value);
    this.linksFunctionUrl = this.links.fn.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
    this.linksUrl = this.linksFunctionUrl.url;
    const unsubscribeAttributes = ['pk', 'sk', 'email', 'unsubscribedFrom', 'updatedAt'];
    // Suppression items: read and extend the unsubscribe list, never the bounce or complaint reason.
    this.links.role.addToPrincipalPolicy(updateOnly(table, suppressionKey('*').pk, unsubscribeAttributes));
    this.links.role.addToPrincipalPolicy(getOnly(table, suppressionKey('*').pk, unsubscribeAttributes));
    // An organizer's address (the page says whose invitations), and nothing else of the organizer item.
    this.links.role.addToPrincipalPolicy(getOnly(table, organizerKey('*').pk, ['pk', 'sk', 'email']));
  }

  /**
   * The RSVP page's answers, once the API exists: the links function calls Mutation.rsvp
   * (IAM, with the attendee's token) at `api`'s GraphQL URL, and reads what the page shows of
   * the event and the attendee. Every change goes through the API; the table stays read-only here.
   */
  allowRsvp(api: GraphqlApi): void {
    this.links.fn.addEnvironment('GRAPHQL_URL', api.graphqlUrl);
    api.grantMutation(this.links.role, 'rsvp');
    // Events and their attendees share the event partition: the page's attributes of both, no others.
    this.links.role.addToPrincipalPolicy(getOnly(this.table, eventKey('*').pk, RSVP_PAGE_ATTRIBUTES));
  }
}

/** UpdateItem on items whose pk matches `leadingKey`, touching only `attributes`, returning none of the others. */
function updateOnly(table: ITableV2, leadingKey: string, attributes: string[]): PolicyStatement {
  return new PolicyStatement({
    effect: Effect.ALLOW,
    actions: ['dynamodb:UpdateItem'],
    resources: [table.tableArn],
    conditions: {
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [leadingKey] },
      'ForAllValues:StringEquals': { 'dynamodb:Attributes': attributes },
      StringEqualsIfExists: { 'dynamodb:ReturnValues': ['NONE', 'UPDATED_OLD', 'UPDATED_NEW'] },
    },
  });
}

/** GetItem on items whose pk matches `leadingKey`, projecting only `attributes`. */
function getOnly(table: ITableV2, leadingKey: string, attributes: string[]): PolicyStatement {
  return new PolicyStatement({
    effect: Effect.ALLOW,
    actions: ['dynamodb:GetItem'],
    resources: [table.tableArn],
    conditions: {
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [leadingKey] },
      'ForAllValues:StringEquals': { 'dynamodb:Attributes': attributes },
      StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
    },
  });
}
