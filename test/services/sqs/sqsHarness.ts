// The local SQS on a free port, driven by the real @aws-sdk/client-sqs over HTTP. The server
// starts first so that the template's queue URLs point at it (the SDK sends to a QueueUrl's own
// origin).
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Clock } from '../../../local/shared/clock';
import { startHttpServer, type RequestHandler } from '../../../local/shared/httpServer';
import { LOCAL_ACCOUNT_ID, localClientConfig } from '../../../local/shared/localCredentials';
import type { Logger } from '../../../local/shared/logger';
import { createSqsService, type SqsService } from '../../../local/sqs';
import type { CfnTemplate } from '../../../local/template/cloudAssembly';
import { StackModel } from '../../../local/template/stackModel';

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export type RunningSqs = {
  url: string;
  model: StackModel;
  service: SqsService;
  client: SQSClient;
  stop(): Promise<void>;
};

export async function startSqs(template: CfnTemplate = { Resources: {} }, clock?: Clock): Promise<RunningSqs> {
  let handler: RequestHandler = (_req, res) => void res.writeHead(503).end();
  const server = await startHttpServer('sqs', 0, (req, res) => handler(req, res));
  const model = new StackModel(template, {
    region: 'us-east-1',
    accountId: LOCAL_ACCOUNT_ID,
    stackName: 'SqsTest',
    runtimeAttributes: new Map(),
    serviceUrls: new Map([['sqs', server.url]]),
  });
  const service = createSqsService({ model, clock, logger: silentLogger });
  handler = service.handler;
  const client = new SQSClient(localClientConfig(server.url));
  return {
    url: server.url,
    model,
    service,
    client,
    stop: async () => {
      client.destroy();
      await service.stop();
      await server.close();
    },
  };
}
