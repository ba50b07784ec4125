// The local contract: what `npm run dev` writes to .data/endpoints.json, and what the
// integration tests read. A script that reads only this file can drive every service with
// the ordinary AWS SDK clients (endpoint from `aws`, credentials from `credentials`).
import type { ResourceIds } from './template/stackOutputs';

/** AWS SDK v3 service ids (as in AWS_ENDPOINT_URL_<ID>) the local runtime serves. */
export const LOCAL_AWS_SERVICES = [
  'dynamodb',
  'dynamodb_streams',
  'sqs',
  'sns',
  'ses',
  'sesv2',
  's3',
  'lambda',
  'cognito_identity_provider',
  // The SDK's serviceId "Secrets Manager": AWS_ENDPOINT_URL_SECRETS_MANAGER
  // (https://docs.aws.amazon.com/sdkref/latest/guide/ss-endpoints-table.html).
  'secrets_manager',
] as const;

export type LocalAwsService = (typeof LOCAL_AWS_SERVICES)[number];

/** The API's URLs and key are empty strings when the template has no GraphQL API. */
export type Endpoints = {
  stackName: string;
  region: string;
  graphqlUrl: string;
  /** GraphiQL with the local auth filled in. */
  explorerUrl: string;
  /** The RSVP dashboard (dashboard/): sign in with an email, live counts of an event. */
  dashboardUrl: string;
  /** AppSync realtime protocol (subprotocol graphql-ws), as Amplify derives it. */
  realtimeUrl: string;
  /** The standard graphql-transport-ws protocol (graphql-ws clients). */
  wsUrl: string;
  /** The API over TLS (certificate from the local CA in caFile): what Amplify needs. */
  graphqlHttpsUrl: string;
  realtimeHttpsUrl: string;
  /** PEM file of the local certificate authority, for clients to trust. */
  caFile: string;
  apiKey: string;
  userPoolId: string;
  userPoolClientId: string;
  cognitoIssuer: string;
  /** POST { sub?, email, groups? } here for ID and access tokens (what `npm run token` does). */
  tokenUrl: string;
  dynamodbUrl: string;
  /** Table names by the template's logical ids. */
  tables: Record<string, string>;
  /** Endpoint URL per AWS SDK service id: `new SQSClient({ endpoint: aws.sqs, region, credentials })`. */
  aws: Record<LocalAwsService, string>;
  /** The local access key every SigV4 request must be signed with. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  /**
   * The stack's Outputs by name, and the physical id (name, URL or ARN, as Ref gives it) of
   * every table, queue, topic, bucket and function by construct path and by logical id.
   */
  outputs: Record<string, string>;
  /** The same resources in full (ARN, name, stream ARN), by logical id. */
  resources: Record<string, ResourceIds>;
  /**
   * Each AWS::Lambda::Url's local URL (`http://127.0.0.1:<port>/`, what Fn::GetAtt FunctionUrl
   * gives locally), by construct path and by logical id.
   */
  functionUrls: Record<string, string>;
  /** SES inbound: `host:port` of the SMTP listener. */
  smtp: string;
  /** The SES outbox, as a web page. */
  mailViewerUrl: string;
};

/** `AWS_ENDPOINT_URL_<SERVICE>` variables pointing the SDK (and the AWS CLI) at the local services. */
export function endpointVariables(aws: Partial<Record<LocalAwsService, string>>): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [service, url] of Object.entries(aws)) {
    if (url) variables[`AWS_ENDPOINT_URL_${service.toUpperCase()}`] = url;
  }
  return variables;
}
