// What the local SNS takes from the template: AWS::SNS::Topic (with its inline Subscription
// list) and AWS::SNS::Subscription, with intrinsics resolved by the StackModel.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sns-topic.html ;
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sns-subscription.html
// Policy-like properties (FilterPolicy, RedrivePolicy, DeliveryPolicy) are JSON objects in
// the template and JSON strings in the API; booleans become "true"/"false" attribute values.
import { createHash } from 'node:crypto';
import type { StackModel } from '../template/stackModel';
import { PROTOCOLS, type Protocol } from './subscription';

export type TemplateTopic = {
  logicalId: string;
  arn: string;
  name: string;
  attributes: Record<string, string>;
  tags: Record<string, string>;
};

export type TemplateSubscription = {
  /** The resource's logical id, or `<topic logical id>.Subscription[<i>]` for an inline one. */
  logicalId: string;
  arn: string;
  topicArn: string;
  protocol: Protocol;
  endpoint: string;
  attributes: Record<string, string>;
};

export type SnsTemplateResources = { topics: TemplateTopic[]; subscriptions: TemplateSubscription[] };

/** Topic properties that are topic attributes of the same name. */
const TOPIC_ATTRIBUTE_PROPERTIES = [
  'DisplayName',
  'KmsMasterKeyId',
  'SignatureVersion',
  'TracingConfig',
  'FifoTopic',
  'ContentBasedDeduplication',
  'DeliveryPolicy',
  'ArchivePolicy',
  'DataProtectionPolicy',
  'FifoThroughputScope',
] as const;

/** Subscription properties that are subscription attributes of the same name. */
const SUBSCRIPTION_ATTRIBUTE_PROPERTIES = [
  'RawMessageDelivery',
  'FilterPolicy',
  'FilterPolicyScope',
  'RedrivePolicy',
  'DeliveryPolicy',
  'SubscriptionRoleArn',
  'ReplayPolicy',
] as const;

export function snsResourcesFromTemplate(model: StackModel): SnsTemplateResources {
  const topics: TemplateTopic[] = [];
  const subscriptions: TemplateSubscription[] = [];
  for (const [logicalId] of model.ofType('AWS::SNS::Topic')) {
    const props = model.properties(logicalId);
    const arn = String(model.ref(logicalId));
    topics.push({
      logicalId,
      arn,
      name: String(model.getAtt(logicalId, 'TopicName')),
      attributes: attributeValues(props, TOPIC_ATTRIBUTE_PROPERTIES),
      tags: Object.fromEntries(((props.Tags as { Key: string; Value: string }[] | undefined) ?? []).map((t) => [t.Key, String(t.Value)])),
    });
    const inline = (props.Subscription as { Endpoint: unknown; Protocol: unknown }[] | undefined) ?? [];
    inline.forEach((sub, index) => {
      const endpoint = String(sub.Endpoint);
      subscriptions.push({
        logicalId: `${logicalId}.Subscription[${index}]`,
        arn: `${arn}:${stableUuid(`${arn}/${String(sub.Protocol)}/${endpoint}`)}`,
        topicArn: arn,
        protocol: protocolOf(String(sub.Protocol), logicalId),
        endpoint,
        attributes: {},
      });
    });
  }
  for (const [logicalId] of model.ofType('AWS::SNS::Subscription')) {
    const props = model.properties(logicalId);
    subscriptions.push({
      logicalId,
      arn: String(model.ref(logicalId)),
      topicArn: String(props.TopicArn),
      protocol: protocolOf(String(props.Protocol), logicalId),
      endpoint: String(props.Endpoint ?? ''),
      attributes: attributeValues(props, SUBSCRIPTION_ATTRIBUTE_PROPERTIES),
    });
  }
  return { topics, subscriptions };
}

function attributeValues(props: Record<string, unknown>, names: readonly string[]): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const name of names) {
    const value = props[name];
    if (value === undefined || value === null) continue;
    attributes[name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return attributes;
}

function protocolOf(value: string, logicalId: string): Protocol {
  const protocol = value.toLowerCase();
  if (!(PROTOCOLS as readonly string[]).includes(protocol)) throw new Error(`${logicalId}: SNS has no protocol ${value}.`);
  return protocol as Protocol;
}

/** A UUID-shaped id that stays the same across restarts (subscription ARNs end in one). */
export function stableUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
