import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ATTENDEE_SK_PREFIX, eventKey, NOTICE_SK_PREFIX, organizerKey } from '../resolvers/lib/keys';
import type { TopicVariable } from '../functions/streamPublisher/publications';
import { NodeFunction } from './nodeFunction';

export interface PublishingProps {
  /** The single table; its stream (NEW_AND_OLD_IMAGES) is the outbox. */
  readonly table: ITableV2;
  readonly newEventInvite: ITopic;
  readonly eventUpdated: ITopic;
  readonly eventCancellationRequest: ITopic;
  readonly organizerNotices: ITopic;
  /**
   * Retries of a failing batch before it is described to the failure queue and skipped.
   * @default 10
   */
  readonly retryAttempts?: number;
  /**
   * Records older than this are not retried any more (they go to the failure queue).
   * @default 12 hours: half the stream's 24-hour retention, so that an operator still has
   * 12 hours to read the records a failure message describes from the stream.
   */
  readonly maxRecordAge?: Duration;
}

/** Records a stream batch carries at most (Lambda allows up to 10,000 for DynamoDB streams). */
export const PUBLISHER_BATCH_SIZE = 100;

/**
 * Filters one event source mapping may have: 5 by default, 10 only after a quota increase
 * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html).
 */
export const MAX_EVENT_SOURCE_FILTERS = 5;

/**
 * Publishing the table's changes (the stream is the outbox; mutations never wait on SNS):
 * the stream publisher reads the table's stream in order and publishes NEW_EVENT_INVITE,
 * EVENT_UPDATED, EVENT_CANCELLATION_REQUEST and organizer notices (functions/streamPublisher). A batch
 * whose publishing fails is retried from the failed record (reportBatchItemFailures,
 * bisectBatchOnError); one that keeps failing is described (shard, sequence numbers) on
 * the failure queue, so nothing is lost silently.
 */
export class Publishing extends Construct {
  readonly publisher: NodeFunction;
  /** Descriptions of the stream batches the publisher gave up on (the mapping's on-failure destination). */
  readonly failures: Queue;

  constructor(scope: Construct, id: string, props: PublishingProps) {
    super(scope, id);
    const topics: Record<TopicVariable, ITopic> = {
      NEW_EVENT_INVITE: props.newEventInvite,
      EVENT_UPDATED: props.eventUpdated,
      EVENT_CANCELLATION_REQUEST: props.eventCancellationRequest,
      ORGANIZER_NOTICES: props.organizerNotices,
    };
    // 100 records published one at a time take a few seconds; a minute leaves room for retries inside the SDK.
    this.publisher = new NodeFunction(this, 'StreamPublisher', {
      entry: 'streamPublisher/handler.ts',
      description: 'Table stream -> NEW_EVENT_INVITE, EVENT_UPDATED, EVENT_CANCELLATION_REQUEST and organizer notices topics',
      timeout: Duration.seconds(60),
      environment: {
        REGION: Stack.of(this).region,
        ...Object.fromEntries(Object.entries(topics).map(([name, topic]) => [name, topic.topicArn])),
      },
    });
    // sns:Publish on the four topics. They are encrypted with the AWS-managed SNS key, whose
    // key policy already lets the account's principals use it through SNS: no KMS grant.
    for (const topic of Object.values(topics)) topic.grantPublish(this.publisher.role);

    // Stateful: renaming this construct id replaces the queue (and drops its failure records).
    this.failures = new Queue(this, 'StreamFailures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself a dead-letter queue: the on-failure destination of the stream publisher.',
    });

    const event = eventKey('');
    const organizer = organizerKey('');
    // Only records that can publish something invoke the function (publications.ts's table).
    // At most MAX_EVENT_SOURCE_FILTERS: CloudFormation accepts 20, but Lambda refuses the
    // mapping at deploy time past its quota (test/unit/infra/publishing.test.ts checks).
    const filters = [
      FilterCriteria.filter({
        eventName: FilterRule.or('INSERT', 'MODIFY'),
        dynamodb: { Keys: { pk: { S: FilterRule.beginsWith(event.pk) }, sk: { S: FilterRule.isEqual(event.sk) } } },
      }),
      FilterCriteria.filter({
        eventName: FilterRule.isEqual('MODIFY'),
        dynamodb: { Keys: { pk: { S: FilterRule.beginsWith(organizer.pk) }, sk: { S: FilterRule.isEqual(organizer.sk) } } },
      }),
      FilterCriteria.filter({
        eventName: FilterRule.isEqual('INSERT'),
        dynamodb: { Keys: { pk: { S: FilterRule.beginsWith(organizer.pk) }, sk: { S: FilterRule.beginsWith(NOTICE_SK_PREFIX) } } },
      }),
      FilterCriteria.filter({
        eventName: FilterRule.isEqual('INSERT'),
        dynamodb: { Keys: { pk: { S: FilterRule.beginsWith(event.pk) }, sk: { S: FilterRule.beginsWith(ATTENDEE_SK_PREFIX) } } },
      }),
    ];
    this.publisher.fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: PUBLISHER_BATCH_SIZE,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: props.retryAttempts ?? 10,
        maxRecordAge: props.maxRecordAge ?? Duration.hours(12),
        // One batch at a time per shard: the order of each item's changes holds.
        parallelizationFactor: 1,
        onFailure: new SqsDlq(this.failures),
        filters,
      }),
    );
  }
}
