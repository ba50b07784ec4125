// SQS event source mappings of the template, polling the local SQS broker and invoking functions
// through FunctionTarget. Disabled mappings (Enabled: false) are read and left idle.
// https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
import { systemClock, type Clock } from '../../shared/clock';
import type { FunctionTarget } from '../../shared/localServices';
import { createLogger, type Logger } from '../../shared/logger';
import type { StackModel } from '../../template/stackModel';
import { SqsPoller, type QueueSource, type SqsBatchReport } from './sqsPoller';
import { sqsEventSourceMappings } from './sqsOptions';

export type SqsEventSourcesOptions = {
  model: StackModel;
  /** The local SQS broker (createSqsService(...).broker). */
  broker: QueueSource;
  /** Who runs the functions: LocalServices, or a test double. */
  services: FunctionTarget;
  clock?: Clock;
  logger?: Logger;
  /** Called after each batch is settled. */
  onBatch?: (report: SqsBatchReport) => void;
};

export type SqsEventSources = {
  pollers: SqsPoller[];
  stop(): Promise<void>;
};

export function startSqsEventSources(options: SqsEventSourcesOptions): SqsEventSources {
  const logger = options.logger ?? createLogger('lambda:sqs');
  const pollers: SqsPoller[] = [];
  for (const mapping of sqsEventSourceMappings(options.model)) {
    if (!mapping.enabled) {
      logger.info(`event source ${mapping.logicalId}: ${mapping.eventSourceArn} -> ${mapping.functionName} is disabled`);
      continue;
    }
    const poller = new SqsPoller(mapping, {
      queues: options.broker,
      functions: options.services,
      clock: options.clock ?? systemClock,
      logger,
      region: options.model.env.region,
      onBatch: options.onBatch,
    });
    poller.start();
    pollers.push(poller);
    logger.info(`event source ${mapping.logicalId}: ${mapping.eventSourceArn} -> ${mapping.functionName} (batch ${mapping.batchSize})`);
  }
  return { pollers, stop: async () => void (await Promise.all(pollers.map((p) => p.stop()))) };
}
