// What an SQS event source mapping takes from the template: the AWS::Lambda::EventSourceMapping
// resources whose EventSourceArn is a queue, with Lambda's defaults, refused as Lambda refuses
// them when CloudFormation creates them.
// Parameters: https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html
// BatchSize over 10 needs a window of at least 1 s ("Related setting" of MaximumBatchingWindowInSeconds):
// https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html
// Not read: ProvisionedPollerConfig (provisioned mode), MetricsConfig.
// ScalingConfig: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-eventsourcemapping-scalingconfig.html
import type { StackModel } from '../../template/stackModel';
import { parseFilterCriteria, type FilterPattern } from './eventFilter';

/** BatchSize: default 10; up to 10,000 for standard queues, 10 for FIFO queues. */
export const DEFAULT_SQS_BATCH_SIZE = 10;
export const MAX_SQS_BATCH_SIZE = 10_000;
export const MAX_SQS_FIFO_BATCH_SIZE = 10;
/** MaximumBatchingWindowInSeconds: 0 to 300, default 0; needed (at least 1) for batches over 10. */
export const MAX_SQS_BATCHING_WINDOW_SECONDS = 300;
/** ScalingConfig.MaximumConcurrency: 2 to 1,000. */
export const MIN_MAXIMUM_CONCURRENCY = 2;
export const MAX_MAXIMUM_CONCURRENCY = 1_000;

export type SqsEventSourceMapping = {
  logicalId: string;
  /** The mapping's UUID (its Ref). */
  uuid: string;
  /** FunctionName as the template gives it: a name or an ARN. */
  functionName: string;
  /** The queue's ARN: what records carry as eventSourceARN. */
  eventSourceArn: string;
  enabled: boolean;
  batchSize: number;
  maximumBatchingWindowSeconds: number;
  reportBatchItemFailures: boolean;
  /** ScalingConfig.MaximumConcurrency; undefined leaves it to Lambda (locally a fixed number of pollers). */
  maximumConcurrency?: number;
  filters: FilterPattern[];
};

const QUEUE_ARN = /^arn:[^:]+:sqs:[^:]+:[^:]+:[^:/]+$/;

type Props = {
  FunctionName?: string;
  EventSourceArn?: string;
  Enabled?: boolean | string;
  BatchSize?: number | string;
  MaximumBatchingWindowInSeconds?: number | string;
  FunctionResponseTypes?: string[];
  ScalingConfig?: { MaximumConcurrency?: number | string };
  FilterCriteria?: { Filters?: { Pattern?: string }[] };
};

/** The template's event source mappings that read an SQS queue. */
export function sqsEventSourceMappings(model: StackModel): SqsEventSourceMapping[] {
  const mappings: SqsEventSourceMapping[] = [];
  for (const [logicalId] of model.ofType('AWS::Lambda::EventSourceMapping')) {
    const props = model.properties(logicalId) as Props;
    const arn = String(props.EventSourceArn ?? '');
    if (!QUEUE_ARN.test(arn)) continue;
    const where = `Event source mapping ${logicalId}`;
    const fifo = arn.endsWith('.fifo');
    const maxBatch = fifo ? MAX_SQS_FIFO_BATCH_SIZE : MAX_SQS_BATCH_SIZE;
    const batchSize = Number(props.BatchSize ?? DEFAULT_SQS_BATCH_SIZE);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > maxBatch) {
      throw new Error(`${where}: BatchSize must be 1-${maxBatch} for ${fifo ? 'a FIFO' : 'a standard'} queue, got ${props.BatchSize}`);
    }
    const window = Number(props.MaximumBatchingWindowInSeconds ?? 0);
    if (!Number.isInteger(window) || window < 0 || window > MAX_SQS_BATCHING_WINDOW_SECONDS) {
      throw new Error(`${where}: MaximumBatchingWindowInSeconds must be 0-${MAX_SQS_BATCHING_WINDOW_SECONDS}, got ${props.MaximumBatchingWindowInSeconds}`);
    }
    if (fifo && window > 0) throw new Error(`${where}: MaximumBatchingWindowInSeconds is not supported for FIFO queues`);
    if (batchSize > 10 && window < 1) {
      throw new Error(`${where}: a BatchSize over 10 needs MaximumBatchingWindowInSeconds of at least 1 (Lambda refuses the mapping otherwise)`);
    }
    const concurrency = props.ScalingConfig?.MaximumConcurrency;
    const maximumConcurrency = concurrency === undefined ? undefined : Number(concurrency);
    if (maximumConcurrency !== undefined && (!Number.isInteger(maximumConcurrency) || maximumConcurrency < MIN_MAXIMUM_CONCURRENCY || maximumConcurrency > MAX_MAXIMUM_CONCURRENCY)) {
      throw new Error(`${where}: ScalingConfig.MaximumConcurrency must be ${MIN_MAXIMUM_CONCURRENCY}-${MAX_MAXIMUM_CONCURRENCY}, got ${concurrency}`);
    }
    mappings.push({
      logicalId,
      uuid: String(model.ref(logicalId)),
      functionName: String(props.FunctionName),
      eventSourceArn: arn,
      enabled: props.Enabled === undefined || props.Enabled === true || props.Enabled === 'true',
      batchSize,
      maximumBatchingWindowSeconds: window,
      reportBatchItemFailures: (props.FunctionResponseTypes ?? []).includes('ReportBatchItemFailures'),
      maximumConcurrency,
      filters: parseFilterCriteria(props.FilterCriteria, where),
    });
  }
  return mappings;
}
