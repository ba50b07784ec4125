// The ports a running local stack listens on, read back from its endpoints, so that a
// restart listens on the same ones (clients, the dashboard and endpoints.json keep working)
// even when the first start picked free ports.
import type { Endpoints } from '../endpoints';
import type { LocalPorts } from '../stack';

/** Undefined for a service the stack does not run (an empty URL). */
const portOf = (url: string) => (url ? Number(new URL(url).port) || undefined : undefined);

export function stackPorts(endpoints: Endpoints): LocalPorts {
  return {
    appsync: portOf(endpoints.graphqlUrl),
    appsyncHttps: portOf(endpoints.graphqlHttpsUrl),
    cognito: portOf(endpoints.tokenUrl),
    dynamodb: portOf(endpoints.dynamodbUrl),
    sqs: portOf(endpoints.aws.sqs),
    sns: portOf(endpoints.aws.sns),
    ses: portOf(endpoints.aws.ses),
    s3: portOf(endpoints.aws.s3),
    lambda: portOf(endpoints.aws.lambda),
    smtp: Number(endpoints.smtp.slice(endpoints.smtp.lastIndexOf(':') + 1)) || undefined,
    secretsmanager: portOf(endpoints.aws.secrets_manager ?? ''),
    // Function URLs take consecutive ports from the first, in logical id order.
    functionUrls: firstPort(Object.values(endpoints.functionUrls ?? {})),
  };
}

function firstPort(urls: string[]): number | undefined {
  const ports = urls.map(portOf).filter((port): port is number => port !== undefined);
  return ports.length > 0 ? Math.min(...ports) : undefined;
}
