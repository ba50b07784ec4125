import { Duration, Stack } from 'aws-cdk-lib';
import type { GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { eventKey } from '../resolvers/lib/keys';
import { NodeFunction } from './nodeFunction';

export interface LiveCountsProps {
  /** The single table; its stream (NEW_AND_OLD_IMAGES) carries every change to an event's counts. */
  readonly table: ITableV2;
  /** The API whose publishRsvpCounts (IAM) pushes the counts to onRsvpCountsChanged subscribers. */
  readonly api: GraphqlApi;
  /**
   * Retries of a failing batch before its records are dropped.
   * @default 3
   */
  readonly retryAttempts?: number;
  /**
   * Records older than this are dropped instead of pushed.
   * @default 5 minutes: live counts that late are no longer live (Lambda's minimum is 60 seconds)
   */
  readonly maxRecordAge?: Duration;
}

/** Records a stream batch carries at most (Lambda allows up to 10,000 for DynamoDB streams). */
export const COUNTS_BATCH_SIZE = 100;

/**
 * Live counts (onRsvpCountsChanged): the counts publisher (functions/countsPublisher) reads the
 * table's stream, only the MODIFYs of event items, and calls publishRsvpCounts over IAM when
 * `counts` changed, in stream order. A failed batch is retried from the failed record
 * (reportBatchItemFailures, bisectBatchOnError) like the stream publisher's; unlike it there
 * is no failure queue: each push carries the whole counts, so a dropped one is made good by
 * the event's next change, and a late one is worth nothing.
 *
 * It is the stream's second reader (with infra/publishing.ts): DynamoDB Streams serves at
 * most two readers per shard before it throttles
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html).
 */
export class LiveCounts extends Construct {
  readonly publisher: NodeFunction;

  constructor(scope: Construct, id: string, props: LiveCountsProps) {
    super(scope, id);
    // 100 records pushed one at a time take a few seconds; 30 leave room for AppSync's retries.
    this.publisher = new NodeFunction(this, 'CountsPublisher', {
      entry: 'countsPublisher/handler.ts',
      description: "Table stream (event items' counts) -> publishRsvpCounts (IAM) -> onRsvpCountsChanged subscribers",
      timeout: Duration.seconds(30),
      environment: { REGION: Stack.of(this).region, GRAPHQL_URL: props.api.graphqlUrl },
    });
    props.api.grantMutation(this.publisher.role, 'publishRsvpCounts');

    const event = eventKey('');
    this.publisher.fn.addEventSource(
      new DynamoEventSource(props.table, {
        // Live updates: what changed before the mapping existed is nobody's news.
        startingPosition: StartingPosition.LATEST,
        batchSize: COUNTS_BATCH_SIZE,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: props.retryAttempts ?? 3,
        maxRecordAge: props.maxRecordAge ?? Duration.minutes(5),
        // One batch at a time per shard: each event's counts are pushed in the order they changed.
        parallelizationFactor: 1,
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('MODIFY'),
            dynamodb: { Keys: { pk: { S: FilterRule.beginsWith(event.pk) }, sk: { S: FilterRule.isEqual(event.sk) } } },
          }),
        ],
      }),
    );
  }
}
