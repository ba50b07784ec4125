// The container's SQS client: created on first use, then reused. No endpoint in code: the
// SDK takes AWS_ENDPOINT_URL_SQS when it is set (the local runtime sets it).
import { SQSClient } from '@aws-sdk/client-sqs';
import { requireEnv } from '../env';

let client: SQSClient | undefined;

/** The SQS client for the region in `REGION`. */
export function sqs(): SQSClient {
  client ??= new SQSClient({ region: requireEnv(['REGION']).REGION });
  return client;
}
