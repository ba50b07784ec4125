// The local SNS as one service: the template's topics and subscriptions in a broker, a signing
// key and certificate, and the HTTP handler. The caller owns the HTTP server and registers
// the broker as the TopicTarget other services publish through:
//
//   let sns: SnsService | undefined;
//   const server = await startHttpServer('SNS', port, (req, res) => sns!.handler(req, res));
//   sns = createSnsService({ model, services, publicUrl: server.url });
//   services.register({ topics: sns.broker });
//   // AWS_ENDPOINT_URL_SNS = server.url
import type { Clock } from '../shared/clock';
import { systemClock } from '../shared/clock';
import type { RequestHandler } from '../shared/httpServer';
import { LOCAL_CREDENTIALS } from '../shared/localCredentials';
import type { FunctionTarget, QueueTarget } from '../shared/localServices';
import { createLogger, type Logger } from '../shared/logger';
import { IamVerifier, LOCAL_IAM_USER_ARN, localIamPrincipals, type IamPrincipal } from '../shared/sigv4/verifier';
import type { StackModel } from '../template/stackModel';
import { SnsBroker } from './broker';
import { snsResourcesFromTemplate } from './options';
import { snsRouter } from './router';
import { MessageSigner } from './signing';

/** SigV4 signing name of SNS (service model). */
export const SNS_SIGNING_NAME = 'sns';
/** SNS refuses signatures more than 15 minutes off: "Signature expired: ... (... - 15 min.)" (https://github.com/aws/aws-sdk-js/issues/265). */
export const SNS_MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export type CreateSnsServiceOptions = {
  model: StackModel;
  /** Where deliveries go: SQS queues and Lambda functions (a LocalServices instance). */
  services: QueueTarget & FunctionTarget;
  /** The SNS server's URL as subscribers reach it: SubscribeURL, UnsubscribeURL and SigningCertURL point here. */
  publicUrl: string;
  /** Default: the system clock. Retries and timestamps use it. */
  clock?: Clock;
  /** Default: `[sns]` lines. */
  logger?: Logger;
  /** Multiplies HTTP/S retry delays (default 1: SNS's 20 s between retries). */
  httpRetryDelayScale?: number;
  /** Keys accepted on signed requests (default: the local credentials). */
  principals?: ReadonlyMap<string, IamPrincipal>;
};

export type SnsService = {
  broker: SnsBroker;
  handler: RequestHandler;
  signer: MessageSigner;
  /** Cancels retries waiting for the clock. */
  stop(): void;
};

export function createSnsService(options: CreateSnsServiceOptions): SnsService {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger('sns');
  const { region, accountId } = options.model.env;
  const signer = MessageSigner.create(new Date(clock.now()));
  const resources = snsResourcesFromTemplate(options.model);
  const broker = new SnsBroker(
    {
      region,
      accountId,
      clock,
      logger,
      services: options.services,
      signer,
      publicUrl: options.publicUrl.replace(/\/+$/, ''),
      principalArn: LOCAL_IAM_USER_ARN,
      httpRetryDelayScale: options.httpRetryDelayScale,
    },
    resources,
  );
  for (const topic of resources.topics) logger.info(`topic ${topic.arn}`);
  const verifier = new IamVerifier({
    service: SNS_SIGNING_NAME,
    region,
    principals: options.principals ?? localIamPrincipals(),
    maxClockSkewMs: SNS_MAX_CLOCK_SKEW_MS,
    now: () => clock.now(),
  });
  const handler = snsRouter({ broker, verifier, signer, logger });
  logger.debug(`signing certificate at ${broker.signingCertUrl}; access key ${LOCAL_CREDENTIALS.accessKeyId}`);
  return { broker, handler, signer, stop: () => broker.stop() };
}
