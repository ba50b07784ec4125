// Where the page finds the API: config.json, served next to it (by `npm run dev` from the
// stack's endpoints; on AWS, a file deployed with the page), never built into the code.
export type DashboardConfig = {
  graphqlUrl: string;
  /** AppSync's realtime endpoint (wss://<id>.appsync-realtime-api... on AWS). */
  realtimeUrl: string;
  /** The local Cognito's token URL: sign in with an email. Without it the page asks for an ID token. */
  tokenUrl?: string;
  apiName?: string;
};

export function parseConfig(value: unknown): DashboardConfig {
  const config = value as Partial<DashboardConfig> | null;
  const missing = (['graphqlUrl', 'realtimeUrl'] as const).filter((k) => typeof config?.[k] !== 'string' || !config[k]);
  if (missing.length > 0) throw new Error(`config.json needs ${missing.join(' and ')}`);
  return config as DashboardConfig;
}
