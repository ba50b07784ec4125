// The one set of credentials and the region every local client and service uses.
// Local services verify SigV4 signatures against these where AWS would.

export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_CREDENTIALS = {
  accessKeyId: 'AKIALOCALDEVELOPMENT',
  secretAccessKey: 'local-development-secret-access-key-not-for-aws',
};

/** Config for an AWS SDK v3 client talking to a local endpoint. */
export function localClientConfig(endpoint: string, region = LOCAL_REGION) {
  return { endpoint, region, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 };
}
