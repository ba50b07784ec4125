// Which API a client tool talks to, and as whom: the local stack of `npm run dev` (URLs from
// endpoints.json, a token for --email from its issuer), or any AppSync API given by --url
// and --token (the realtime URL derived from --url unless --realtime-url says otherwise).
import { localIdToken, readEndpoints } from './localStack';
import { realtimeUrlFor } from './realtimeUrl';

export type ApiTarget = {
  graphqlUrl: string;
  realtimeUrl: string;
  /** A Cognito token, sent raw in `Authorization`. */
  token: string;
};

/** Exactly one of email and token is set (the argument parser checks it); url requires token. */
export type TargetOptions = {
  dataDir: string;
  email?: string;
  token?: string;
  url?: string;
  realtimeUrl?: string;
};

export async function resolveApiTarget(options: TargetOptions): Promise<ApiTarget> {
  if (options.url) {
    return { graphqlUrl: options.url, realtimeUrl: options.realtimeUrl ?? realtimeUrlFor(options.url), token: options.token! };
  }
  const endpoints = readEndpoints(options.dataDir);
  return {
    graphqlUrl: endpoints.graphqlUrl,
    realtimeUrl: options.realtimeUrl ?? endpoints.realtimeUrl,
    token: options.token ?? (await localIdToken(endpoints, options.email!)),
  };
}

/** The realtime handshake's auth headers for a user pool token: the API's host and the raw token. */
export function realtimeAuthorization(target: ApiTarget): Record<string, string> {
  return { host: new URL(target.graphqlUrl).host, Authorization: target.token };
}
