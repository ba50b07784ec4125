// Starts the local S3 on a free port, in memory, with a recording LocalServices and the
// real @aws-sdk/client-s3 on its current defaults (checksums on, no forcePathStyle: the
// IP endpoint makes the SDK use path-style by itself, see addressing.test.ts).
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { createS3Service, type S3Service, type S3ServiceOptions } from '../../../local/s3';
import { ManualClock } from '../../../local/shared/clock';
import { localClientConfig } from '../../../local/shared/localCredentials';
import type { RunningServer } from '../../../local/shared/httpServer';
import { RecordingServices, testLogger } from './recordingServices';

export { testLogger };

export type S3Harness = {
  s3: S3Service;
  server: RunningServer;
  client: S3Client;
  services: RecordingServices;
  /** Starts at the real time so SDK signatures are current; tests move it forward. */
  clock: ManualClock;
  stop(): Promise<void>;
};

export async function startS3(options: Partial<S3ServiceOptions> = {}, client: S3ClientConfig = {}): Promise<S3Harness> {
  const services = new RecordingServices();
  const clock = new ManualClock(Date.now());
  const s3 = createS3Service({ clock, services, logger: testLogger('s3'), ...options });
  const server = await s3.listen(0);
  const s3Client = new S3Client({ ...localClientConfig(server.url), ...client });
  return {
    s3,
    server,
    client: s3Client,
    services,
    clock,
    async stop() {
      s3Client.destroy();
      await s3.stop();
    },
  };
}

