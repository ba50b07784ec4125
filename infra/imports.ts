import { CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { eventKey, organizerKey } from '../resolvers/lib/keys';
import { NodeFunction } from './nodeFunction';

/** Where uploads go in the imports bucket (resolvers/lib/keys.ts importObjectKey). */
export const IMPORTS_PREFIX = 'imports/';
/** An import may take minutes (100,000 rows are 1,000 API calls). */
export const IMPORTER_TIMEOUT = Duration.minutes(15);

export interface ImportsProps {
  /**
   * Receives of one notification before it moves to the DLQ: each resumes from the checkpoint.
   * @default 5
   */
  readonly maxReceiveCount?: number;
}

export interface ImporterProps {
  readonly table: ITableV2;
  /** The API the importer invites through (IAM), like every other caller. */
  readonly api: GraphqlApi;
}

/**
 * Bulk imports (ARCHITECTURE.md flow 3): startImport hands out a presigned URL into the
 * imports bucket; the upload's "object created" notification goes to the imports queue; the
 * importer (functions/importer) streams the CSV into inviteAttendees calls of 100 rows,
 * keeping the job's progress and checkpoint in the table and pushing it to subscribers
 * (reportImportProgress), and leaves the organizer a summary notice.
 */
export class Imports extends Construct {
  readonly bucket: Bucket;
  readonly queue: Queue;
  readonly dlq: Queue;
  importer?: NodeFunction;

  constructor(scope: Construct, id: string, props: ImportsProps = {}) {
    super(scope, id);
    // Uploads are kept 7 days; the bucket outlives the stack like every bucket (CDK's default).
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      lifecycleRules: [{ prefix: IMPORTS_PREFIX, expiration: Duration.days(7) }, { abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'Uploads are short-lived (7 days) guest lists written through presigned URLs the API hands to organizers; the import job records who uploaded what.',
    });
    this.dlq = new Queue(this, 'ImportsDlq', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    Validations.of(this.dlq).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue.' });
    this.queue = new Queue(this, 'Imports', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Six times the importer's timeout (AWS guidance for SQS event sources).
      visibilityTimeout: Duration.seconds(IMPORTER_TIMEOUT.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.dlq, maxReceiveCount: props.maxReceiveCount ?? 5 },
    });
    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(this.queue), { prefix: IMPORTS_PREFIX, suffix: '.csv' });
    // The singleton function CDK applies bucket notifications with.
    const handler = Stack.of(this).node.children.find((child) => child.node.id.startsWith('BucketNotificationsHandler'));
    if (handler) {
      Validations.of(handler).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: "CDK's bucket notifications handler; the managed policy only lets it write its own logs.",
      });
    }
  }

  /** Objects under imports/ only: `actions` on `<bucket>/imports/*`. */
  allowObjects(role: NodeFunction['role'], actions: string[]): void {
    role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions, resources: [this.bucket.arnForObjects(`${IMPORTS_PREFIX}*`)] }));
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnElement)}.Arn>/${IMPORTS_PREFIX}*]`,
      reason: 'Each import is its own object under imports/ (imports/<eventId>/<jobId>.csv), made at run time.',
    });
  }

  /** The importer, once the API exists (the API's startImport needs the bucket first). */
  addImporter(props: ImporterProps): NodeFunction {
    const stack = Stack.of(this);
    const importer = new NodeFunction(this, 'Importer', {
      entry: 'importer/handler.ts',
      description: 'Uploaded CSV guest lists -> inviteAttendees in chunks of 100 (IAM), with progress, checkpoints and a summary notice',
      timeout: IMPORTER_TIMEOUT,
      memorySize: 512,
      environment: {
        REGION: stack.region,
        DYNAMODB_TABLE: props.table.tableName,
        IMPORTS_BUCKET: this.bucket.bucketName,
        GRAPHQL_URL: props.api.graphqlUrl,
      },
    });
    importer.fn.addEventSource(new SqsEventSource(this.queue, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: 2 }));
    this.allowObjects(importer.role, ['s3:GetObject']);
    props.api.grantMutation(importer.role, 'inviteAttendees', 'reportImportProgress');
    const table = props.table.tableArn;
    // Import jobs and event titles (the event partition), and the organizer's summary notice.
    importer.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
        resources: [table],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [eventKey('*').pk] } },
      }),
    );
    importer.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:PutItem'],
        resources: [table],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [organizerKey('*').pk] } },
      }),
    );
    this.importer = importer;
    return importer;
  }
}
