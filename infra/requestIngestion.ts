import { CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { REQUEST_INGESTION_CONSUMER } from '../functions/requestIngestion/emailImportClaim';
import { messageKey, organizerEmailKey, organizerKey } from '../resolvers/lib/keys';
import { INBOUND_PREFIX } from './mail';
import { NodeFunction } from './nodeFunction';

export interface RequestIngestionProps {
  /** The single table: organizer lookups and the function's idempotency items. */
  readonly table: ITableV2;
  /** The event-requests queue (raw SES receipt notifications from the inbound mail topic). */
  readonly queue: IQueue;
  /** Where SES's receipt rule stores each received message (Mail's inbound bucket). */
  readonly inboundBucket: IBucket;
  /** The API the function starts imports and records replies through (IAM), like every other caller. */
  readonly api: GraphqlApi;
  /** The requests address: organizers' CSV imports and event requests. */
  readonly requestsEmail: string;
  /** The RSVP address: attendees' iTIP replies (and the domain of our invitations' UIDs). */
  readonly rsvpEmail: string;
  /**
   * Messages one invocation takes; each is read whole (the S3 action stores mail up to
   * 40 MB: https://docs.aws.amazon.com/ses/latest/APIReference/API_S3Action.html), one at a time.
   * @default 5
   */
  readonly batchSize?: number;
}

/** The event-requests queue's visibility timeout (360 s, infra/messaging.ts) is six times this. */
export const REQUEST_INGESTION_TIMEOUT = Duration.seconds(60);

/**
 * Mail to the requests and RSVP addresses (ARCHITECTURE.md flows 3, 6 and 9): the ingestion
 * function (functions/requestIngestion) reads each SES receipt notification from the
 * event-requests queue, checks the verdicts and the sender, and reads the stored message.
 * Requests: an ACTIVE organizer's (by the `organizer-email#` lookup) CSV attachments are
 * imported through startImport (IAM) and the upload URL, once per attachment; a calendar
 * REQUEST creates the event and invites its attendees (createEvent, inviteAttendees over IAM),
 * once, with an EVENT_REQUEST_PROCESSED or EVENT_REQUEST_FAILED notice. RSVP: an iTIP
 * REPLY from the attendee it answers for is recorded through recordEmailRsvp (IAM), once per
 * message and per reply. Everything else is logged with its reason and dropped; failures a
 * retry may fix end in the queue's DLQ.
 */
export class RequestIngestion extends Construct {
  readonly ingestion: NodeFunction;

  constructor(scope: Construct, id: string, props: RequestIngestionProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const table = props.table.tableArn;

    this.ingestion = new NodeFunction(this, 'RequestIngestion', {
      entry: 'requestIngestion/handler.ts',
      description: 'Inbound mail (event-requests queue) -> CSV imports (startImport), event requests (createEvent, inviteAttendees), iTIP replies (recordEmailRsvp), over IAM; the rest logged and dropped',
      timeout: REQUEST_INGESTION_TIMEOUT,
      // A whole message (up to 40 MB) and its decoded attachments are in memory at once.
      memorySize: 1024,
      environment: {
        REGION: stack.region,
        DYNAMODB_TABLE: props.table.tableName,
        GRAPHQL_URL: props.api.graphqlUrl,
        REQUESTS_EMAIL: props.requestsEmail,
        RSVP_EMAIL: props.rsvpEmail,
        INBOUND_BUCKET: props.inboundBucket.bucketName,
      },
    });
    this.ingestion.fn.addEventSource(
      new SqsEventSource(props.queue, { batchSize: props.batchSize ?? 5, reportBatchItemFailures: true, maxConcurrency: 2 }),
    );
    const role = this.ingestion.role;

    // Received messages only (the bucket holds nothing else, but the prefix is the rule's).
    role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:GetObject'], resources: [props.inboundBucket.arnForObjects(`${INBOUND_PREFIX}*`)] }));
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(props.inboundBucket.node.defaultChild as CfnElement)}.Arn>/${INBOUND_PREFIX}*]`,
      reason: 'Each received message is its own object under inbound/ (inbound/<SES message id>), written by SES at run time.',
    });
    // Who an address belongs to, and whether that organizer is active: one attribute each.
    role.addToPrincipalPolicy(getOnly(table, organizerEmailKey('*').pk, ['pk', 'sk', 'organizerId']));
    role.addToPrincipalPolicy(getOnly(table, organizerKey('*').pk, ['pk', 'sk', 'status']));
    // Its own idempotency items only (imported attachments, event requests, RSVP messages and replies).
    role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
        resources: [table],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [messageKey(`${REQUEST_INGESTION_CONSUMER}/*`).pk] } },
      }),
    );
    // Event requests' notices (organizer#<id> / notice#...), written with attribute_not_exists(pk).
    role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:PutItem'],
        resources: [table],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [organizerKey('*').pk] } },
      }),
    );
    props.api.grantMutation(role, 'startImport');
    props.api.grantMutation(role, 'recordEmailRsvp');
    props.api.grantMutation(role, 'createEvent');
    props.api.grantMutation(role, 'inviteAttendees');
  }
}

/** GetItem on items whose pk matches `leadingKey`, projecting only `attributes`. */
function getOnly(table: string, leadingKey: string, attributes: string[]): PolicyStatement {
  return new PolicyStatement({
    effect: Effect.ALLOW,
    actions: ['dynamodb:GetItem'],
    resources: [table],
    conditions: {
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [leadingKey] },
      'ForAllValues:StringEquals': { 'dynamodb:Attributes': attributes },
      StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
    },
  });
}
