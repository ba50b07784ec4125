// The local SES as one service: outbound sending for API v1 and v2 into the outbox, events
// and notifications through LocalServices (the local SNS), and the mail viewer. The caller
// owns the HTTP server:
//
//   const ses = await createSesService({ model, services, dataDir });
//   const server = await startHttpServer('SES', port, ses.handler);
//   // AWS_ENDPOINT_URL_SES = AWS_ENDPOINT_URL_SESV2 = server.url; viewer at `${server.url}/_local/mail`
//   ...
//   await ses.stop();
import { systemClock, type Clock } from '../shared/clock';
import type { RequestHandler } from '../shared/httpServer';
import type { TopicTarget } from '../shared/localServices';
import { createLogger, type Logger } from '../shared/logger';
import { IamVerifier, localIamPrincipals, type IamPrincipal } from '../shared/sigv4/verifier';
import type { StackModel } from '../template/stackModel';
import { Identities } from './identities';
import { PRODUCTION_SEND_QUOTA, SANDBOX_SEND_QUOTA, sesResourcesFromTemplate, type SesSettings } from './options';
import { Outbox } from './outbox';
import { sesRouter } from './router';
import { sesV1Actions } from './routerV1';
import { sesV2Router } from './routerV2';
import { SesSending } from './sending';
import { SendQuota } from './sendQuota';
import { SuppressionList } from './suppressionList';
import { TemplateStore } from './templates';
import { mailViewer } from './viewer/router';

/** SigV4 signing name of SES v1 and v2 (service models; https://docs.aws.amazon.com/general/latest/gr/ses.html). */
export const SES_SIGNING_NAME = 'ses';
/** The 15 minutes most AWS services allow (SNS's answers say so); SES's own figure was not found. */
export const SES_MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export type CreateSesServiceOptions = SesSettings & {
  model: StackModel;
  /** Where events and notifications are published (a LocalServices instance with the local SNS registered). */
  services: TopicTarget;
  /** Keep the outbox in `<dataDir>/mail/outbox`; in memory when undefined. */
  dataDir?: string;
  clock?: Clock;
  logger?: Logger;
  principals?: ReadonlyMap<string, IamPrincipal>;
};

export type SesService = {
  outbox: Outbox;
  sending: SesSending;
  quota: SendQuota;
  suppression: SuppressionList;
  identities: Identities;
  handler: RequestHandler;
  /** Waits for event publications and outbox writes in progress. */
  stop(): Promise<void>;
};

export async function createSesService(options: CreateSesServiceOptions): Promise<SesService> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger('ses');
  const { region, accountId } = options.model.env;
  const resources = sesResourcesFromTemplate(options.model);
  const sandbox = options.sandbox ?? false;
  const outbox = await Outbox.open(options.dataDir);
  const quota = new SendQuota(options.sendQuota ?? (sandbox ? SANDBOX_SEND_QUOTA : PRODUCTION_SEND_QUOTA), clock);
  const suppression = new SuppressionList(clock);
  for (const s of options.suppressedDestinations ?? []) suppression.put(s.emailAddress, s.reason);
  const identities = new Identities(
    [...resources.identities, ...(options.verifiedIdentities ?? [])],
    options.identityNotificationTopics,
    resources.defaultConfigurationSets,
  );
  const templates = new TemplateStore();
  const sending = new SesSending({
    region,
    accountId,
    clock,
    logger,
    topics: options.services,
    outbox,
    quota,
    suppression,
    identities,
    templates,
    configurationSets: new Map(resources.configurationSets.map((set) => [set.name, set])),
    sandbox,
    requireVerifiedSender: options.requireVerifiedSender ?? true,
  });
  for (const set of resources.configurationSets) {
    const destinations = set.eventDestinations.map((d) => `${d.matchingEventTypes.join('/')} -> ${d.snsTopicArn ?? '(not SNS)'}`).join('; ');
    logger.info(`configuration set ${set.name}${destinations ? `: ${destinations}` : ''}`);
  }
  const verifier = new IamVerifier({
    service: SES_SIGNING_NAME,
    region,
    principals: options.principals ?? localIamPrincipals(),
    maxClockSkewMs: SES_MAX_CLOCK_SKEW_MS,
    now: () => clock.now(),
  });
  const handler = sesRouter({
    verifier,
    v1: sesV1Actions({ sending, quota, identities, templates }),
    v2: sesV2Router({ sending, quota, suppression, templates, sandbox }),
    viewer: mailViewer(outbox),
    quota,
    logger,
  });
  return {
    outbox,
    sending,
    quota,
    suppression,
    identities,
    handler,
    stop: async () => {
      await sending.settled();
      await outbox.flush();
    },
  };
}
