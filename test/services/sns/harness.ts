// Starts the local SNS on a free port, as the stack would, with LocalServices whose queue and
// function targets are recording doubles, and an SDK v3 client pointed at it.
import { SNSClient } from '@aws-sdk/client-sns';
import type { Clock } from '../../../local/shared/clock';
import { startHttpServer, type RunningServer } from '../../../local/shared/httpServer';
import { localClientConfig } from '../../../local/shared/localCredentials';
import { LocalServices, type FunctionTarget, type QueueMessage, type QueueTarget } from '../../../local/shared/localServices';
import { createLogger, setLogLevel } from '../../../local/shared/logger';
import { createSnsService, type SnsService } from '../../../local/sns';
import type { CfnTemplate } from '../../../local/template/cloudAssembly';
import { StackModel } from '../../../local/template/stackModel';

setLogLevel('silent');

/** Records what SNS sends to queues; a queue listed in `failing` refuses messages. */
export class RecordingQueues implements QueueTarget {
  readonly sent: { queueArn: string; message: QueueMessage }[] = [];
  readonly failing = new Set<string>();

  async sendToQueue(queueArn: string, message: QueueMessage): Promise<void> {
    if (this.failing.has(queueArn)) throw new Error(`queue ${queueArn} refuses messages`);
    this.sent.push({ queueArn, message });
  }

  to(queueArn: string): QueueMessage[] {
    return this.sent.filter((s) => s.queueArn === queueArn).map((s) => s.message);
  }
}

/** Records the functions SNS invokes and how. */
export class RecordingFunctions implements FunctionTarget {
  readonly invoked: { arn: string; event: unknown; invocationType: string }[] = [];

  async invokeFunction(arn: string, event: unknown, invocationType: 'RequestResponse' | 'Event') {
    this.invoked.push({ arn, event, invocationType });
    return { ok: true as const, result: null };
  }
}

export type SnsHarness = {
  sns: SnsService;
  server: RunningServer;
  client: SNSClient;
  model: StackModel;
  queues: RecordingQueues;
  functions: RecordingFunctions;
  services: LocalServices;
  close(): Promise<void>;
};

export async function startSns(options: { template?: CfnTemplate; clock?: Clock; httpRetryDelayScale?: number } = {}): Promise<SnsHarness> {
  const model = new StackModel(options.template ?? { Resources: {} }, {
    region: 'us-east-1',
    accountId: '000000000000',
    stackName: 'SnsTest',
    runtimeAttributes: new Map(),
  });
  const queues = new RecordingQueues();
  const functions = new RecordingFunctions();
  const services = new LocalServices();
  services.register({ queues, functions });
  let sns: SnsService | undefined;
  const server = await startHttpServer('SNS', 0, (req, res) => sns!.handler(req, res));
  sns = createSnsService({
    model,
    services,
    publicUrl: server.url,
    clock: options.clock,
    httpRetryDelayScale: options.httpRetryDelayScale,
    logger: createLogger('sns'),
  });
  services.register({ topics: sns.broker });
  const client = new SNSClient(localClientConfig(server.url));
  return {
    sns,
    server,
    client,
    model,
    queues,
    functions,
    services,
    close: async () => {
      sns!.stop();
      client.destroy();
      await server.close();
    },
  };
}
