// One import, start to end: startImport, subscribe to the job's progress (before the upload,
// so no push is missed), PUT the file, then follow the job until it is COMPLETED or FAILED.
// Live updates are a convenience: without them (refused, dropped) importJob polling carries on.
import { print } from 'graphql';
import type { OnImportProgressSubscription } from '../../generated/client/graphql';
import { realtimeAuthorization, type ApiTarget } from '../shared/apiTarget';
import { subscribe, type Subscription } from '../shared/appsyncSubscription';
import { SubscriptionError } from '../shared/errors';
import { graphqlClient } from '../shared/graphqlClient';
import { formatBytes } from './formatBytes';
import { IMPORT_JOB, ON_IMPORT_PROGRESS, START_IMPORT, type ImportJobView } from './importOperations';
import type { InputFile } from './inputFile';
import { JobFollower, POLL_INTERVAL_MS, type FollowOptions } from './jobFollower';
import type { ProgressReporter } from './progressReporter';
import { uploadFile } from './uploadFile';

export type ImportRun = {
  target: ApiTarget;
  eventId: string;
  file: InputFile;
  reporter: ProgressReporter;
  /** Overrides for tests. */
  follow?: Pick<FollowOptions, 'pollIntervalMs' | 'stallTimeoutMs'>;
};

export async function runImport(run: ImportRun): Promise<ImportJobView> {
  const { target, eventId, file, reporter } = run;
  const graphql = graphqlClient(target.graphqlUrl, target.token);
  const started = (await graphql(START_IMPORT, { eventId, fileName: file.name })).startImport;
  const id = started.job.id;
  const follower = new JobFollower(started.job, {
    ...run.follow,
    read: async () => (await graphql(IMPORT_JOB, { eventId, id })).importJob,
    onUpdate: (job) => reporter.update(job),
  });
  const pollSeconds = (run.follow?.pollIntervalMs ?? POLL_INTERVAL_MS) / 1000;

  let subscription: Subscription | null = null;
  try {
    subscription = await subscribe(
      { realtimeUrl: target.realtimeUrl, authorization: realtimeAuthorization(target), query: print(ON_IMPORT_PROGRESS), variables: { eventId, id } },
      {
        data: (payload) => {
          const job = (payload.data as OnImportProgressSubscription | null | undefined)?.onImportProgress;
          if (job) follower.push(job);
        },
        dropped: (reason) => reporter.note(`Live updates stopped (${reason}); checking every ${pollSeconds} s instead.`),
      },
    );
  } catch (error) {
    if (!(error instanceof SubscriptionError)) throw error;
    reporter.note(`No live updates (${error.message}); checking every ${pollSeconds} s instead.`);
  }

  try {
    reporter.note(`Uploading ${file.name} (${formatBytes(file.size)}) as import ${id} ...`);
    await uploadFile(file, started);
    reporter.update(follower.job);
    return await follower.follow();
  } finally {
    subscription?.close();
    reporter.end();
  }
}
