// DynamoDB Streams event source mappings on DynamoDB Local: for each enabled mapping of the
// template, find the table's real stream (DescribeTable's LatestStreamArn: the template's
// `<table arn>/stream/local` is only a local stand-in), follow its shards (DescribeStream;
// a child shard starts once its parent is read to the end, as Lambda keeps order across
// splits) and run a ShardConsumer for each, invoking the function through FunctionTarget and
// sending discarded batches to the mapping's OnFailure destination.
// https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html (shards, lineage)
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, type Shard } from '@aws-sdk/client-dynamodb-streams';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { systemClock, type Clock } from '../../shared/clock';
import { localClientConfig } from '../../shared/localCredentials';
import type { Logger } from '../../shared/logger';
import type { StackModel } from '../../template/stackModel';
import { sendToDestination, type DestinationServices } from '../destinations';
import type { InvocationResult } from '../lambdaFunction';
import { StreamCheckpoints } from './dynamodbStreamsCheckpoints';
import { streamFailureRecord } from './dynamodbStreamsFailureRecord';
import { readyToRead, shardStart, type ShardFacts } from './dynamodbStreamsLineage';
import { dynamodbStreamMappings, type DynamoDbStreamMapping } from './dynamodbStreamsOptions';
import { DynamoDbShardReader, type ShardStart } from './dynamodbStreamsReader';
import { arrivalTime, lambdaStreamRecord, type LambdaStreamRecord, type StreamViewType } from './dynamodbStreamsRecord';
import { ShardConsumer, type DiscardedBatch } from './dynamodbStreamsShard';

/** How often shards are listed again, to find the children of a split. */
export const DEFAULT_SHARD_DISCOVERY_INTERVAL_MS = 5_000;

export type StreamInvocation = {
  mappingUuid: string;
  functionName: string;
  shardId: string;
  records: readonly LambdaStreamRecord[];
  result: InvocationResult;
};

export type DynamoDbStreamEventSourcesOptions = {
  model: StackModel;
  /** DynamoDB Local's endpoint (streams are served on the same port). */
  dynamodbEndpoint: string;
  /** The LocalServices directory: functions to invoke, queues and topics for OnFailure. */
  services: DestinationServices;
  clock?: Clock;
  logger: Logger;
  /** Keeps checkpoints in `<dataDir>/dynamodb-stream-checkpoints.json`; undefined keeps them in memory. */
  dataDir?: string;
  pollIntervalMs?: number;
  /** Wait before a failed batch is sent again (local choice, default 500 ms). */
  retryDelayMs?: number;
  shardDiscoveryIntervalMs?: number;
  /** Told after each invocation (tests, logs). */
  onInvoke?: (invocation: StreamInvocation) => void;
};

export type DynamoDbStreamEventSources = {
  mappings: DynamoDbStreamMapping[];
  stop(): Promise<void>;
};

export async function startDynamoDbStreamEventSources(options: DynamoDbStreamEventSourcesOptions): Promise<DynamoDbStreamEventSources> {
  const mappings = dynamodbStreamMappings(options.model);
  const config = localClientConfig(options.dynamodbEndpoint, options.model.env.region);
  const dynamodb = new DynamoDBClient(config);
  const streams = new DynamoDBStreamsClient(config);
  const checkpoints = new StreamCheckpoints(options.dataDir ? join(options.dataDir, 'dynamodb-stream-checkpoints.json') : undefined);
  const pollers: MappingPoller[] = [];
  try {
    for (const mapping of mappings) {
      if (!mapping.enabled) {
        options.logger.info(`event source mapping ${mapping.logicalId} is disabled`);
        continue;
      }
      if (mapping.tumblingWindowSeconds) options.logger.warn(`event source mapping ${mapping.logicalId}: TumblingWindowInSeconds is not run locally`);
      const table = await dynamodb.send(new DescribeTableCommand({ TableName: mapping.tableName })).then(
        (output) => output.Table,
        (error: Error) => {
          throw new Error(`Event source mapping ${mapping.logicalId} reads the stream of table ${mapping.tableName}, which DynamoDB Local cannot describe: ${error.message}`);
        },
      );
      if (!table?.LatestStreamArn || !table.StreamSpecification?.StreamEnabled) {
        throw new Error(`Event source mapping ${mapping.logicalId} reads the stream of table ${mapping.tableName}, which has no stream enabled.`);
      }
      const poller = new MappingPoller(mapping, table.LatestStreamArn, table.StreamSpecification.StreamViewType as StreamViewType, streams, checkpoints, options);
      pollers.push(poller);
      await poller.start();
      options.logger.info(`${mapping.functionName} reads the stream of ${mapping.tableName} (${mapping.startingPosition}, batches of up to ${mapping.batchSize})`);
    }
  } catch (error) {
    await Promise.all(pollers.map((p) => p.stop()));
    dynamodb.destroy();
    streams.destroy();
    throw error;
  }
  return {
    mappings,
    stop: async () => {
      await Promise.all(pollers.map((p) => p.stop()));
      dynamodb.destroy();
      streams.destroy();
    },
  };
}

type ShardState = { shard: Shard; start?: ShardStart; consumer?: ShardConsumer; finished: boolean };

class MappingPoller {
  private readonly shards = new Map<string, ShardState>();
  private readonly clock: Clock;
  private discoveryTimer?: unknown;
  private discovering?: Promise<void>;
  private stopped = false;
  private firstDiscovery = true;

  constructor(
    private readonly mapping: DynamoDbStreamMapping,
    private readonly streamArn: string,
    private readonly viewType: StreamViewType,
    private readonly client: DynamoDBStreamsClient,
    private readonly checkpoints: StreamCheckpoints,
    private readonly options: DynamoDbStreamEventSourcesOptions,
  ) {
    this.clock = options.clock ?? systemClock;
  }

  async start(): Promise<void> {
    await this.discover();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.discoveryTimer !== undefined) this.clock.clearTimeout(this.discoveryTimer);
    await this.discovering?.catch(() => undefined);
    await Promise.all([...this.shards.values()].map((s) => s.consumer?.stop()));
  }

  private discover(): Promise<void> {
    this.discovering ??= this.listShards()
      .then(() => this.startReadyShards())
      .catch((error: Error) => this.options.logger.warn(`${this.mapping.logicalId}: cannot list the shards of ${this.streamArn}: ${error.message}`))
      .finally(() => {
        this.discovering = undefined;
        if (this.stopped) return;
        if (this.discoveryTimer !== undefined) this.clock.clearTimeout(this.discoveryTimer);
        this.discoveryTimer = this.clock.setTimeout(() => void this.discover(), this.options.shardDiscoveryIntervalMs ?? DEFAULT_SHARD_DISCOVERY_INTERVAL_MS);
      });
    return this.discovering;
  }

  private async listShards(): Promise<void> {
    let exclusiveStartShardId: string | undefined;
    do {
      const output = await this.client.send(new DescribeStreamCommand({ StreamArn: this.streamArn, ExclusiveStartShardId: exclusiveStartShardId }));
      for (const shard of output.StreamDescription?.Shards ?? []) this.learn(shard);
      exclusiveStartShardId = output.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    this.firstDiscovery = false;
  }

  /** Decides where a newly seen shard is read from (dynamodbStreamsLineage.ts). */
  private learn(shard: Shard): void {
    const id = shard.ShardId!;
    const known = this.shards.get(id);
    if (known) {
      known.shard = shard;
      return;
    }
    const start = shardStart(factsOf(shard), {
      checkpoint: this.checkpoints.get(this.key(id)),
      atMappingStart: this.firstDiscovery,
      startingPosition: this.mapping.startingPosition,
    });
    this.shards.set(id, start === 'finished' ? { shard, finished: true } : { shard, start, finished: false });
  }

  private startReadyShards(): void {
    if (this.stopped) return;
    for (const [id, state] of this.shards) {
      if (state.finished || state.consumer) continue;
      if (!readyToRead(factsOf(state.shard), (parentId) => this.shards.get(parentId)?.finished)) continue;
      state.consumer = this.consumerFor(id, state.start ?? { type: 'TRIM_HORIZON' });
      state.consumer.start(() => {
        state.finished = true;
        this.checkpoints.finish(this.key(id));
        this.options.logger.debug(`${this.mapping.logicalId}: shard ${id} read to its end`);
        void this.discover();
      });
    }
  }

  private consumerFor(shardId: string, start: ShardStart): ShardConsumer {
    const { mapping, options } = this;
    const region = options.model.env.region;
    const reader = new DynamoDbShardReader({
      client: this.client,
      streamArn: this.streamArn,
      shardId,
      start,
      logger: options.logger,
      shape: (record) => {
        const arrivedAt = arrivalTime(record.dynamodb?.ApproximateCreationDateTime?.getTime(), Date.now(), this.clock.now());
        return { record: lambdaStreamRecord(record, { region, eventSourceArn: mapping.eventSourceArn, viewType: this.viewType, arrivedAtMs: arrivedAt }), arrivedAt };
      },
    });
    return new ShardConsumer({
      shardId,
      policy: mapping,
      source: reader,
      clock: this.clock,
      logger: options.logger,
      pollIntervalMs: options.pollIntervalMs,
      retryDelayMs: options.retryDelayMs,
      invoke: (event) => options.services.invokeFunction(mapping.functionName, event, 'RequestResponse'),
      discard: (batch) => this.discard(shardId, batch),
      checkpoint: (sequenceNumber) => this.checkpoints.advance(this.key(shardId), sequenceNumber),
      onInvoke: (records, result) =>
        options.onInvoke?.({ mappingUuid: mapping.uuid, functionName: mapping.functionName, shardId, records, result }),
    });
  }

  private async discard(shardId: string, batch: DiscardedBatch): Promise<void> {
    const { mapping, options } = this;
    const range = `${batch.records[0]?.record.dynamodb.SequenceNumber}-${batch.records[batch.records.length - 1]?.record.dynamodb.SequenceNumber}`;
    if (!mapping.onFailure) {
      options.logger.warn(`${mapping.logicalId}: discarded ${batch.records.length} record(s) ${range} of shard ${shardId} (${batch.condition})`);
      return;
    }
    const record = streamFailureRecord({
      requestId: randomUUID(),
      functionArn: options.model.arn('lambda', `function:${mapping.functionName}`),
      condition: batch.condition,
      invocations: batch.invocations,
      functionError: batch.functionError,
      shardId,
      streamArn: mapping.eventSourceArn,
      records: batch.records.map((r) => ({ sequenceNumber: r.record.dynamodb.SequenceNumber, arrivedAt: r.arrivedAt })),
      now: this.clock.now(),
    });
    try {
      await sendToDestination(options.services, mapping.onFailure, record);
      options.logger.info(`${mapping.logicalId}: sent ${batch.records.length} discarded record(s) ${range} (${batch.condition}) to ${mapping.onFailure}`);
    } catch (error) {
      options.logger.warn(`${mapping.logicalId}: could not send discarded records ${range} to ${mapping.onFailure}: ${(error as Error).message}`);
    }
  }

  private key(shardId: string): string {
    return StreamCheckpoints.key(this.mapping.uuid, this.streamArn, shardId);
  }
}

function factsOf(shard: Shard): ShardFacts {
  return { shardId: shard.ShardId!, parentShardId: shard.ParentShardId, closed: Boolean(shard.SequenceNumberRange?.EndingSequenceNumber) };
}
