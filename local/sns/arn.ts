// ARNs as SNS reads them from parameters. "An ARN must have at least 6 elements, not 1" is
// SNS's answer to `TopicArn=foo` (LocalStack's AWS-validated snapshot, test_publish_wrong_arn_format).
import { InvalidParameter } from './errors';

export type Arn = { partition: string; service: string; region: string; accountId: string; resource: string };

/** Splits an ARN or throws SNS's InvalidParameter naming the parameter. */
export function parseArn(parameter: string, value: string): Arn {
  const parts = value.split(':');
  if (parts.length < 6) throw new InvalidParameter(`${parameter} Reason: An ARN must have at least 6 elements, not ${parts.length}`);
  const [, partition, service, region, accountId, ...rest] = parts;
  return { partition: partition!, service: service!, region: region!, accountId: accountId!, resource: rest.join(':') };
}

export function isArnOf(value: string, service: string): boolean {
  const parts = value.split(':');
  return parts.length >= 6 && parts[0] === 'arn' && parts[2] === service && parts[5] !== '';
}
