// The container's SNS client: created on first use, then reused. No endpoint in code: the
// SDK takes AWS_ENDPOINT_URL_SNS when it is set (the local runtime sets it).
import { SNSClient } from '@aws-sdk/client-sns';
import { requireEnv } from '../env';

let client: SNSClient | undefined;

/** The SNS client for the region in `REGION`. */
export function sns(): SNSClient {
  client ??= new SNSClient({ region: requireEnv(['REGION']).REGION });
  return client;
}
