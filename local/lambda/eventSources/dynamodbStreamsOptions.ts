// What a DynamoDB Streams event source mapping takes from the template: the
// AWS::Lambda::EventSourceMapping resources whose EventSourceArn is a table's stream
// (`Fn::GetAtt Table.StreamArn`, locally `<table arn>/stream/local`), with Lambda's defaults.
// Parameters and defaults: https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html
import type { StackModel } from '../../template/stackModel';
import { functionNameOf } from '../options';
import { parseFilterCriteria, type FilterPattern } from './eventFilter';

/** BatchSize default for DynamoDB Streams. */
export const DEFAULT_STREAM_BATCH_SIZE = 100;
export const MAX_STREAM_BATCH_SIZE = 10_000;
/** MaximumBatchingWindowInSeconds: 0 (invoke as soon as records are there), at most 300. */
export const MAX_BATCHING_WINDOW_SECONDS = 300;
/** -1 means infinite for MaximumRetryAttempts and MaximumRecordAgeInSeconds (their default). */
export const INFINITE = -1;

export type StartingPosition = 'TRIM_HORIZON' | 'LATEST';

export type DynamoDbStreamMapping = {
  logicalId: string;
  /** The mapping's UUID (its Ref). */
  uuid: string;
  functionName: string;
  /** The stream ARN as the template resolves it: what records carry as eventSourceARN. */
  eventSourceArn: string;
  tableName: string;
  enabled: boolean;
  batchSize: number;
  maximumBatchingWindowSeconds: number;
  startingPosition: StartingPosition;
  bisectBatchOnFunctionError: boolean;
  maximumRetryAttempts: number;
  maximumRecordAgeSeconds: number;
  reportBatchItemFailures: boolean;
  /** DestinationConfig.OnFailure.Destination: an SQS queue or SNS topic ARN. */
  onFailure?: string;
  filters: FilterPattern[];
  /** Read but not applied locally: one batch at a time per shard keeps the order it promises per key. */
  parallelizationFactor: number;
  tumblingWindowSeconds?: number;
};

const STREAM_ARN = /^arn:[^:]+:dynamodb:[^:]+:[^:]+:table\/([^/]+)\/stream\/.+$/;

type Props = {
  FunctionName?: string;
  EventSourceArn?: string;
  Enabled?: boolean | string;
  BatchSize?: number;
  MaximumBatchingWindowInSeconds?: number;
  StartingPosition?: string;
  BisectBatchOnFunctionError?: boolean | string;
  MaximumRetryAttempts?: number;
  MaximumRecordAgeInSeconds?: number;
  FunctionResponseTypes?: string[];
  DestinationConfig?: { OnFailure?: { Destination?: string } };
  FilterCriteria?: { Filters?: { Pattern?: string }[] };
  ParallelizationFactor?: number;
  TumblingWindowInSeconds?: number;
};

/** The template's event source mappings that read a DynamoDB table's stream. */
export function dynamodbStreamMappings(model: StackModel): DynamoDbStreamMapping[] {
  const mappings: DynamoDbStreamMapping[] = [];
  for (const [logicalId] of model.ofType('AWS::Lambda::EventSourceMapping')) {
    const props = model.properties(logicalId) as Props;
    const arn = String(props.EventSourceArn ?? '');
    const table = STREAM_ARN.exec(arn);
    if (!table) continue;
    const where = `Event source mapping ${logicalId}`;
    const startingPosition = String(props.StartingPosition ?? '');
    if (startingPosition !== 'TRIM_HORIZON' && startingPosition !== 'LATEST') {
      throw new Error(`${where}: StartingPosition must be TRIM_HORIZON or LATEST for a DynamoDB stream, got ${startingPosition || 'none'}`);
    }
    const batchSize = Number(props.BatchSize ?? DEFAULT_STREAM_BATCH_SIZE);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_STREAM_BATCH_SIZE) {
      throw new Error(`${where}: BatchSize must be 1-${MAX_STREAM_BATCH_SIZE}, got ${props.BatchSize}`);
    }
    const window = Number(props.MaximumBatchingWindowInSeconds ?? 0);
    if (window < 0 || window > MAX_BATCHING_WINDOW_SECONDS) {
      throw new Error(`${where}: MaximumBatchingWindowInSeconds must be 0-${MAX_BATCHING_WINDOW_SECONDS}, got ${window}`);
    }
    mappings.push({
      logicalId,
      uuid: String(model.ref(logicalId)),
      functionName: functionNameOf(String(props.FunctionName)),
      eventSourceArn: arn,
      tableName: table[1]!,
      enabled: props.Enabled === undefined || props.Enabled === true || props.Enabled === 'true',
      batchSize,
      maximumBatchingWindowSeconds: window,
      startingPosition,
      bisectBatchOnFunctionError: props.BisectBatchOnFunctionError === true || props.BisectBatchOnFunctionError === 'true',
      maximumRetryAttempts: Number(props.MaximumRetryAttempts ?? INFINITE),
      maximumRecordAgeSeconds: Number(props.MaximumRecordAgeInSeconds ?? INFINITE),
      reportBatchItemFailures: (props.FunctionResponseTypes ?? []).includes('ReportBatchItemFailures'),
      onFailure: props.DestinationConfig?.OnFailure?.Destination,
      filters: parseFilterCriteria(props.FilterCriteria, where),
      parallelizationFactor: Number(props.ParallelizationFactor ?? 1),
      tumblingWindowSeconds: props.TumblingWindowInSeconds === undefined ? undefined : Number(props.TumblingWindowInSeconds),
    });
  }
  return mappings;
}
