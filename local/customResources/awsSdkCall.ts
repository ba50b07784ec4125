// CDK's AwsCustomResource (`Custom::AWS`) played locally: its Create call (a JSON string of
// { service, action, parameters, physicalResourceId, ignoreErrorCodesMatching }) made with
// the AWS SDK v3 against the local endpoint of that service, as CDK's own handler makes it
// against AWS. https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.custom_resources.AwsCustomResource.html

export type AwsSdkCall = {
  service: string;
  action: string;
  parameters?: Record<string, unknown>;
  physicalResourceId?: { id?: string; responsePath?: string };
  ignoreErrorCodesMatching?: string;
};

/** SDK v2-style service names CDK accepts, as the v3 package suffix (the rest: lower-cased). */
const V3_NAMES: Record<string, string> = {
  cloudwatchlogs: 'cloudwatch-logs',
  cognitoidentityserviceprovider: 'cognito-identity-provider',
  dynamodbstreams: 'dynamodb-streams',
  sesv2: 'sesv2',
  stepfunctions: 'sfn',
  eventbridge: 'eventbridge',
};

/** `SES` / `@aws-sdk/client-ses` → `ses` (package `@aws-sdk/client-ses`). */
export function v3ServiceName(service: string): string {
  const bare = service.replace(/^@aws-sdk\/client-/, '').toLowerCase();
  return V3_NAMES[bare.replace(/-/g, '')] ?? bare;
}

/** `setActiveReceiptRuleSet` / `SetActiveReceiptRuleSetCommand` → `SetActiveReceiptRuleSetCommand`. */
export function commandName(action: string): string {
  const base = action.replace(/Command$/, '');
  return `${base[0].toUpperCase()}${base.slice(1)}Command`;
}

export function parseAwsSdkCall(value: unknown): AwsSdkCall | undefined {
  if (value === undefined || value === null) return undefined;
  const call = (typeof value === 'string' ? JSON.parse(value) : value) as AwsSdkCall;
  if (!call.service || !call.action) throw new Error('An AwsSdkCall needs service and action');
  return call;
}

type Client = { send(command: unknown): Promise<unknown>; destroy(): void };

/**
 * Makes the call with the SDK v3 client of the service, pointed at `endpoint`.
 * Resolves to the response, or undefined when an error matched ignoreErrorCodesMatching.
 */
export async function makeAwsSdkCall(
  call: AwsSdkCall,
  endpoint: string,
  clientConfig: { region: string; credentials: { accessKeyId: string; secretAccessKey: string } },
): Promise<unknown> {
  const service = v3ServiceName(call.service);
  const module = (await import(`@aws-sdk/client-${service}`)) as Record<string, unknown>;
  const clientClass = Object.entries(module).find(([name, value]) => name.endsWith('Client') && name !== 'Client' && typeof value === 'function' && !name.startsWith('__'))?.[1] as
    | (new (config: object) => Client)
    | undefined;
  const command = module[commandName(call.action)] as (new (input: object) => unknown) | undefined;
  if (!clientClass || !command) throw new Error(`@aws-sdk/client-${service} has no ${commandName(call.action)}`);
  const client = new clientClass({ ...clientConfig, endpoint, maxAttempts: 1 });
  try {
    return await client.send(new command(call.parameters ?? {}));
  } catch (error) {
    if (call.ignoreErrorCodesMatching && new RegExp(call.ignoreErrorCodesMatching).test((error as Error).name)) return undefined;
    throw error;
  } finally {
    client.destroy();
  }
}
