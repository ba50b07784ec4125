// Where AppSync's realtime endpoint is, given the GraphQL URL
// (https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html):
// an AWS host swaps appsync-api for appsync-realtime-api; a custom domain (and the local
// runtime) serves it at <graphql url>/realtime. Unlike Amplify, plain http stays plain (ws://),
// since the local runtime serves both.

const AWS_HOST = /^([a-z0-9]+)\.appsync-api\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/;

export function realtimeUrlFor(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  const scheme = url.protocol === 'http:' ? 'ws:' : 'wss:';
  const aws = AWS_HOST.exec(url.hostname);
  if (aws) return `${scheme}//${url.host.replace('.appsync-api.', '.appsync-realtime-api.')}${url.pathname}`;
  return `${scheme}//${url.host}${url.pathname.replace(/\/$/, '')}/realtime`;
}
