// The local SQS service: the template's queues (options.ts) in a broker (broker.ts), served by
// the router (router.ts). The caller starts the HTTP server with `handler`; see README.md for
// the order that keeps queue URLs pointing at it.
import { systemClock, type Clock } from '../shared/clock';
import type { RequestHandler } from '../shared/httpServer';
import type { LocalServices } from '../shared/localServices';
import { createLogger, type Logger } from '../shared/logger';
import { localIamPrincipals, type IamPrincipal } from '../shared/sigv4/verifier';
import type { StackModel } from '../template/stackModel';
import { SqsAuth } from './auth';
import { SqsBroker } from './broker';
import { queueConfigs } from './options';
import { createSqsRouter } from './router';

export type SqsServiceOptions = {
  model: StackModel;
  /** Time for delays, visibility timeouts, long polls and retention; the system clock by default. */
  clock?: Clock;
  logger?: Logger;
  /** When given, the broker is registered as its `queues` target (SNS, S3 and others deliver through it). */
  services?: LocalServices;
  /** Keys accepted in signatures; the local credentials by default. */
  principals?: ReadonlyMap<string, IamPrincipal>;
};

export type SqsService = {
  broker: SqsBroker;
  /** The HTTP handler to serve (startHttpServer('sqs', port, handler)). */
  handler: RequestHandler;
  /** Ends waiting receives and drops every queue. Does not close the HTTP server. */
  stop(): Promise<void>;
};

export function createSqsService(options: SqsServiceOptions): SqsService {
  const { model } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger('sqs');
  const { region, accountId } = model.env;
  const broker = new SqsBroker({
    region,
    accountId,
    endpoint: () => model.env.serviceUrls?.get('sqs') ?? `https://sqs.${region}.amazonaws.com`,
    clock,
    logger,
  });
  const queues = broker.defineQueues(queueConfigs(model));
  for (const queue of queues) logger.info(`queue ${queue.name}${queue.settings.redrivePolicy ? ' (with dead-letter queue)' : ''}`);
  options.services?.register({ queues: broker });
  // Signatures are checked against real time: SDK clients sign with the wall clock, whatever
  // clock the queues run on.
  const auth = new SqsAuth({ region, principals: options.principals ?? localIamPrincipals() });
  return {
    broker,
    handler: createSqsRouter({ broker, auth, logger }),
    stop: async () => broker.close(),
  };
}

export { SqsBroker } from './broker';
export type { Queue } from './queue';
