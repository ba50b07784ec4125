// Starts the local SES on a free port, as the stack would, with SDK v3 clients for both APIs.
// Events go through LocalServices either to a recording topic target or, with `withSns`, to
// the real local SNS whose queue target records what an SQS subscriber would receive.
import { SESClient } from '@aws-sdk/client-ses';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Clock } from '../../../local/shared/clock';
import { startHttpServer, type RunningServer } from '../../../local/shared/httpServer';
import { localClientConfig } from '../../../local/shared/localCredentials';
import { LocalServices, type TopicMessage, type TopicTarget } from '../../../local/shared/localServices';
import { createLogger, setLogLevel } from '../../../local/shared/logger';
import { createSesService, type SesService } from '../../../local/ses';
import type { SesSettings } from '../../../local/ses/options';
import { createSnsService, type SnsService } from '../../../local/sns';
import type { CfnTemplate } from '../../../local/template/cloudAssembly';
import { StackModel } from '../../../local/template/stackModel';
import { RecordingFunctions, RecordingQueues } from '../sns/harness';

setLogLevel('silent');

/** The stack's mail resources, as infra/mail.ts synthesizes them: a domain identity and a configuration set whose events go to a topic. */
export const MAIL_TEMPLATE: CfnTemplate = {
  Resources: {
    Feedback: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'SES bounces and complaints' } },
    FeedbackQueue: { Type: 'AWS::SQS::Queue', Properties: {} },
    FeedbackToQueue: {
      Type: 'AWS::SNS::Subscription',
      Properties: { TopicArn: { Ref: 'Feedback' }, Protocol: 'sqs', Endpoint: { 'Fn::GetAtt': ['FeedbackQueue', 'Arn'] } },
    },
    Domain: { Type: 'AWS::SES::EmailIdentity', Properties: { EmailIdentity: 'calendar.localhost' } },
    ConfigurationSet: { Type: 'AWS::SES::ConfigurationSet', Properties: {} },
    Destination: {
      Type: 'AWS::SES::ConfigurationSetEventDestination',
      Properties: {
        ConfigurationSetName: { Ref: 'ConfigurationSet' },
        EventDestination: { Enabled: true, MatchingEventTypes: ['send', 'bounce', 'complaint', 'delivery', 'reject'], SnsDestination: { TopicARN: { Ref: 'Feedback' } } },
      },
    },
  },
};

export class RecordingTopics implements TopicTarget {
  readonly published: { topicArn: string; record: Record<string, any> }[] = [];

  async publishToTopic(topicArn: string, message: TopicMessage): Promise<string> {
    this.published.push({ topicArn, record: JSON.parse(message.message) as Record<string, any> });
    return `message-${this.published.length}`;
  }
}

export type SesHarness = {
  ses: SesService;
  server: RunningServer;
  v1: SESClient;
  v2: SESv2Client;
  model: StackModel;
  topics: RecordingTopics;
  sns?: SnsService;
  queues: RecordingQueues;
  configurationSet: string;
  close(): Promise<void>;
};

export async function startSes(options: { template?: CfnTemplate; clock?: Clock; settings?: SesSettings; dataDir?: string; withSns?: boolean } = {}): Promise<SesHarness> {
  const model = new StackModel(options.template ?? MAIL_TEMPLATE, {
    region: 'us-east-1',
    accountId: '000000000000',
    stackName: 'SesTest',
    runtimeAttributes: new Map(),
  });
  const services = new LocalServices();
  const topics = new RecordingTopics();
  const queues = new RecordingQueues();
  let sns: SnsService | undefined;
  if (options.withSns) {
    services.register({ queues, functions: new RecordingFunctions() });
    sns = createSnsService({ model, services, publicUrl: 'http://127.0.0.1:9', clock: options.clock, logger: createLogger('sns') });
    services.register({ topics: sns.broker });
  } else {
    services.register({ topics });
  }
  const ses = await createSesService({ model, services, clock: options.clock, dataDir: options.dataDir, logger: createLogger('ses'), ...options.settings });
  const server = await startHttpServer('SES', 0, ses.handler);
  const v1 = new SESClient(localClientConfig(server.url));
  const v2 = new SESv2Client(localClientConfig(server.url));
  const configurationSet = model.ofType('AWS::SES::ConfigurationSet').map(([id]) => String(model.ref(id)))[0] ?? '';
  return {
    ses,
    server,
    v1,
    v2,
    model,
    topics,
    sns,
    queues,
    configurationSet,
    close: async () => {
      await ses.stop();
      sns?.stop();
      v1.destroy();
      v2.destroy();
      await server.close();
    },
  };
}

export async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('the call succeeded');
}
