// What the local SQS takes from the template: each AWS::SQS::Queue with its name, URL and the
// properties that are queue attributes (CloudFormation names them as SQS does), RedrivePolicy
// and RedriveAllowPolicy as objects or JSON strings, and Tags. AWS::SQS::QueuePolicy and
// AWS::SQS::QueueInlinePolicy are accepted: their document becomes the queues' Policy
// attribute, answered back but not enforced.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queuepolicy.html
import type { StackModel } from '../template/stackModel';
import type { QueueDefinition } from './broker';

export type QueueConfig = QueueDefinition & { logicalId: string; url: string; arn: string };

/** Template properties that are queue attributes under the same name. */
const ATTRIBUTE_PROPERTIES = [
  'VisibilityTimeout',
  'DelaySeconds',
  'MaximumMessageSize',
  'MessageRetentionPeriod',
  'ReceiveMessageWaitTimeSeconds',
  'RedrivePolicy',
  'RedriveAllowPolicy',
  'FifoQueue',
  'ContentBasedDeduplication',
  'DeduplicationScope',
  'FifoThroughputLimit',
  'KmsMasterKeyId',
  'KmsDataKeyReusePeriodSeconds',
  'SqsManagedSseEnabled',
] as const;

type Props = Record<string, unknown>;

export function queueConfigs(model: StackModel): QueueConfig[] {
  const policies = queuePolicies(model);
  return model.ofType('AWS::SQS::Queue').map(([logicalId]) => {
    const props = model.properties(logicalId) as Props;
    const url = String(model.ref(logicalId));
    const attributes: Record<string, string> = {};
    for (const name of ATTRIBUTE_PROPERTIES) {
      const value = props[name];
      if (value === undefined || value === null) continue;
      attributes[name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
    const policy = policies.get(url);
    if (policy !== undefined) attributes.Policy = policy;
    return {
      logicalId,
      name: String(model.getAtt(logicalId, 'QueueName')),
      url,
      arn: String(model.getAtt(logicalId, 'Arn')),
      attributes,
      tags: tagsOf(props.Tags),
    };
  });
}

/** Policy documents by queue URL, from QueuePolicy (Queues: URLs) and QueueInlinePolicy (Queue: URL). */
function queuePolicies(model: StackModel): Map<string, string> {
  const policies = new Map<string, string>();
  for (const [logicalId] of model.ofType('AWS::SQS::QueuePolicy')) {
    const props = model.properties(logicalId) as Props;
    for (const url of (props.Queues as unknown[] | undefined) ?? []) policies.set(String(url), JSON.stringify(props.PolicyDocument ?? {}));
  }
  for (const [logicalId] of model.ofType('AWS::SQS::QueueInlinePolicy')) {
    const props = model.properties(logicalId) as Props;
    if (props.Queue !== undefined) policies.set(String(props.Queue), JSON.stringify(props.PolicyDocument ?? {}));
  }
  return policies;
}

function tagsOf(tags: unknown): Record<string, string> {
  if (!Array.isArray(tags)) return {};
  return Object.fromEntries(tags.map((tag: { Key?: unknown; Value?: unknown }) => [String(tag.Key), String(tag.Value ?? '')]));
}
