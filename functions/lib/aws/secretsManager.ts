// The container's Secrets Manager client: created on first use, then reused. No endpoint in
// code: the SDK takes AWS_ENDPOINT_URL_SECRETS_MANAGER when it is set (the local runtime sets it).
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { requireEnv } from '../env';

let client: SecretsManagerClient | undefined;

/** The Secrets Manager client for the region in `REGION`. */
export function secretsManager(): SecretsManagerClient {
  client ??= new SecretsManagerClient({ region: requireEnv(['REGION']).REGION });
  return client;
}
