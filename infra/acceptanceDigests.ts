import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { organizerKey } from '../resolvers/lib/keys';
import { NodeFunction } from './nodeFunction';

export interface AcceptanceDigestsProps {
  /** The single table: organizers' digest windows and their notices. */
  readonly table: ITableV2;
  /**
   * Length of a digest window: organizers who chose DIGEST get at most one notice per window.
   * Windows are aligned on the epoch (whole hours for an hour).
   * @default 1 hour
   */
  readonly window?: Duration;
}

const DIGEST_TIMEOUT = Duration.seconds(30);

/**
 * Acceptance digests (functions/acceptanceDigests): the first acceptance of an organizer's
 * window queues a timer through the `acceptanceDigestTimer` data source (`scheduler`), a
 * delayed message on the digest queue; when it is due, the digest function turns the window
 * into one ACCEPTANCE_DIGEST notice, which the stream publishes and mails as any notice.
 */
export class AcceptanceDigests extends Construct {
  /** The AppSync Lambda data source's function: queues a window's timer. */
  readonly scheduler: NodeFunction;
  readonly digester: NodeFunction;
  readonly queue: Queue;
  readonly windowSeconds: number;

  constructor(scope: Construct, id: string, props: AcceptanceDigestsProps) {
    super(scope, id);
    this.windowSeconds = (props.window ?? Duration.hours(1)).toSeconds();
    const region = Stack.of(this).region;

    // Stateful: renaming these construct ids replaces the queues (and drops pending timers).
    const dlq = new Queue(this, 'DigestTimersDlq', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    Validations.of(dlq).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue.' });
    this.queue = new Queue(this, 'DigestTimers', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(DIGEST_TIMEOUT.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: dlq, maxReceiveCount: 5 },
    });

    this.scheduler = new NodeFunction(this, 'DigestScheduler', {
      entry: 'acceptanceDigests/scheduleHandler.ts',
      description: "Queues the timer of an organizer's acceptance digest window (rsvp, recordEmailRsvp)",
      environment: { REGION: region, DIGEST_QUEUE_URL: this.queue.queueUrl },
    });
    this.queue.grantSendMessages(this.scheduler.fn);

    this.digester = new NodeFunction(this, 'Digester', {
      entry: 'acceptanceDigests/handler.ts',
      description: 'Digest timers -> one ACCEPTANCE_DIGEST notice per ended window',
      timeout: DIGEST_TIMEOUT,
      environment: { REGION: region, DYNAMODB_TABLE: props.table.tableName, DIGEST_QUEUE_URL: this.queue.queueUrl },
    });
    this.digester.fn.addEventSource(new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 2 }));
    // A window not due yet is sent again with the time left.
    this.queue.grantSendMessages(this.digester.fn);
    // Windows and notices live under the organizer's partition: read and delete a window, put its notice.
    this.digester.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
        resources: [props.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [organizerKey('*').pk] } },
      }),
    );
  }
}
