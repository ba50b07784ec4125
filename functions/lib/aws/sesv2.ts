// The container's SES (API v2) client: created on first use, then reused. No endpoint in
// code: the SDK takes AWS_ENDPOINT_URL_SESV2 when it is set (the local runtime sets it).
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { requireEnv } from '../env';

let client: SESv2Client | undefined;

/** The SES v2 client for the region in `REGION`. */
export function sesV2(): SESv2Client {
  client ??= new SESv2Client({ region: requireEnv(['REGION']).REGION });
  return client;
}
