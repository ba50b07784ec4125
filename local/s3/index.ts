// The local S3: the template's buckets (and any made at run time) behind an S3-compatible
// REST endpoint that the current @aws-sdk/client-s3 works with on its defaults, bucket
// notifications delivered through LocalServices, and a BucketTarget for other services.
//
//   const s3 = createS3Service({ model, services, dataDir: '.data' });
//   services.register({ buckets: s3.store });       // done for you when `services` can register
//   const server = await s3.listen(0);               // http://127.0.0.1:<port>, for AWS_ENDPOINT_URL_S3
//   s3.setNotifications('bucket-name', customResourceProps.NotificationConfiguration);
//   await s3.stop();
import { join } from 'node:path';
import { startHttpServer, type RequestHandler, type RunningServer } from '../shared/httpServer';
import { systemClock, type Clock } from '../shared/clock';
import { LOCAL_REGION } from '../shared/localCredentials';
import { createLogger, type Logger } from '../shared/logger';
import type { BucketTarget } from '../shared/localServices';
import { localIamPrincipals, type IamPrincipal } from '../shared/sigv4/verifier';
import type { StackModel } from '../template/stackModel';
import { S3Authenticator } from './auth';
import type { ApiNotificationConfiguration, CfnNotificationConfiguration, NotificationConfig, NotificationTargets } from './notifications';
import { bucketConfigs } from './options';
import { s3Router } from './router';
import { FileStorage, MemoryStorage } from './storage';
import { S3Store } from './store';

/** Hosts whose first label is a bucket name: `<bucket>.localhost` (resolves to 127.0.0.1 where the OS maps *.localhost). */
export const DEFAULT_VIRTUAL_HOST_SUFFIXES = ['localhost'];

export type S3ServiceOptions = {
  /** The template; its AWS::S3::Bucket resources exist from the start. */
  model?: StackModel;
  clock?: Clock;
  logger?: Logger;
  /** Where notifications go (LocalServices); when it can `register`, the store registers as its buckets. */
  services?: NotificationTargets & { register?(targets: { buckets?: BucketTarget }): void };
  /** Objects are kept under `<dataDir>/s3/`; without it they live in memory. */
  dataDir?: string;
  region?: string;
  /** Accepted keys (default: the local credentials). */
  principals?: ReadonlyMap<string, IamPrincipal>;
  virtualHostSuffixes?: readonly string[];
};

export type S3Service = {
  store: S3Store;
  handler: RequestHandler;
  /** Sets a bucket's notifications (CloudFormation's or the API's form), as CDK's custom resource would. */
  setNotifications(
    bucket: string,
    config: CfnNotificationConfiguration | ApiNotificationConfiguration | undefined,
    options?: { testEvent?: boolean },
  ): NotificationConfig;
  /** Resolves when every notification sent so far has been delivered. */
  notificationsSettled(): Promise<void>;
  /** Serves the handler on 127.0.0.1 (port 0 picks one); stop() closes it. */
  listen(port: number): Promise<RunningServer>;
  stop(): Promise<void>;
};

export function createS3Service(options: S3ServiceOptions = {}): S3Service {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger('s3');
  const region = options.region ?? options.model?.env.region ?? LOCAL_REGION;
  const storage = options.dataDir ? new FileStorage(join(options.dataDir, 's3')) : new MemoryStorage();
  const store = new S3Store({ storage, clock, logger, region, ...(options.services ? { targets: options.services } : {}) });

  for (const bucket of options.model ? bucketConfigs(options.model) : []) {
    store.createBucket(bucket.name, { awsGeneratedTags: bucket.awsGeneratedTags });
    // CloudFormation sets these through PutBucketNotificationConfiguration, whose test
    // events would reach services that may not be running yet: they are left out here.
    if (bucket.notifications) store.setNotifications(bucket.name, bucket.notifications, { testEvent: false });
  }
  options.services?.register?.({ buckets: store });

  const auth = new S3Authenticator({ region, principals: options.principals ?? localIamPrincipals(), now: () => clock.now() });
  const handler = s3Router({ store, auth, logger, virtualHostSuffixes: options.virtualHostSuffixes ?? DEFAULT_VIRTUAL_HOST_SUFFIXES });
  const servers: RunningServer[] = [];

  return {
    store,
    handler,
    setNotifications: (bucket, config, opts) => store.setNotifications(bucket, config, opts),
    notificationsSettled: () => store.notificationsSettled(),
    async listen(port) {
      const server = await startHttpServer('S3', port, handler);
      servers.push(server);
      logger.info(`listening on ${server.url}`);
      return server;
    },
    async stop() {
      await Promise.all(servers.splice(0).map((s) => s.close()));
      await store.notificationsSettled();
    },
  };
}

export { S3Store } from './store';
export type { NotificationConfig } from './notifications';
