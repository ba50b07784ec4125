// What the local SES takes from the template and from its options: configuration sets and
// their SNS event destinations (AWS::SES::ConfigurationSet, AWS::SES::ConfigurationSetEventDestination),
// verified identities (AWS::SES::EmailIdentity), sending quotas, the account-level
// suppression list, and the sandbox switch.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ses-configurationseteventdestination-eventdestination.html
import type { StackModel } from '../template/stackModel';

/** Event types as the v2 API spells them (API_EventDestinationDefinition.html). */
export type SesEventType =
  | 'SEND'
  | 'REJECT'
  | 'BOUNCE'
  | 'COMPLAINT'
  | 'DELIVERY'
  | 'OPEN'
  | 'CLICK'
  | 'RENDERING_FAILURE'
  | 'DELIVERY_DELAY'
  | 'SUBSCRIPTION';

export type EventDestination = { name: string; enabled: boolean; matchingEventTypes: SesEventType[]; snsTopicArn?: string };
export type ConfigurationSetConfig = { name: string; eventDestinations: EventDestination[] };

export type SendQuotaSettings = {
  /** Messages (recipients) per second. */
  maxSendRate: number;
  /** Messages (recipients) per rolling 24 hours; -1 is unlimited (API_GetSendQuota.html). */
  max24HourSend: number;
};

/** "Maximum 200 messages per 24-hour period ... 1 message per second" in the sandbox (request-production-access.html). */
export const SANDBOX_SEND_QUOTA: SendQuotaSettings = { maxSendRate: 1, max24HourSend: 200 };
/**
 * The quota a new production account commonly starts with (not a documented constant: AWS
 * sets it per account and region). Local default when not in the sandbox.
 */
export const PRODUCTION_SEND_QUOTA: SendQuotaSettings = { maxSendRate: 14, max24HourSend: 50_000 };

export type SuppressionReason = 'BOUNCE' | 'COMPLAINT';

/** Which SNS topic gets which identity notification (SetIdentityNotificationTopic). */
export type IdentityNotificationTopics = { Bounce?: string; Complaint?: string; Delivery?: string };

export type SesSettings = {
  /**
   * Sandbox rules: only verified identities (and the mailbox simulator) as recipients, the
   * sandbox quota unless sendQuota is given. Default false.
   */
  sandbox?: boolean;
  sendQuota?: SendQuotaSettings;
  /**
   * Whether the sender (Source / FromEmailAddress) must be a verified identity, as in AWS.
   * Default true; the template's AWS::SES::EmailIdentity resources are verified.
   */
  requireVerifiedSender?: boolean;
  /** More verified identities (addresses or domains) besides the template's. */
  verifiedIdentities?: string[];
  /** Addresses on the account-level suppression list from the start. */
  suppressedDestinations?: { emailAddress: string; reason: SuppressionReason }[];
  /** Identity notification topics by identity (address or domain). */
  identityNotificationTopics?: Record<string, IdentityNotificationTopics>;
};

export type SesTemplateResources = {
  configurationSets: ConfigurationSetConfig[];
  identities: string[];
  /** Each identity's default configuration set (EmailIdentity ConfigurationSetAttributes), by identity. */
  defaultConfigurationSets: Record<string, string>;
};

export function sesResourcesFromTemplate(model: StackModel): SesTemplateResources {
  const sets = new Map<string, ConfigurationSetConfig>();
  for (const [logicalId] of model.ofType('AWS::SES::ConfigurationSet')) {
    const name = String(model.ref(logicalId));
    sets.set(name, { name, eventDestinations: [] });
  }
  for (const [logicalId] of model.ofType('AWS::SES::ConfigurationSetEventDestination')) {
    const props = model.properties(logicalId);
    const setName = String(props.ConfigurationSetName);
    const set = sets.get(setName) ?? { name: setName, eventDestinations: [] };
    sets.set(setName, set);
    const destination = (props.EventDestination ?? {}) as {
      Name?: string;
      Enabled?: boolean | string;
      MatchingEventTypes?: string[];
      SnsDestination?: { TopicARN?: string };
    };
    set.eventDestinations.push({
      name: destination.Name ?? logicalId,
      enabled: destination.Enabled === undefined || destination.Enabled === true || destination.Enabled === 'true',
      matchingEventTypes: (destination.MatchingEventTypes ?? []).map(eventTypeOf),
      snsTopicArn: destination.SnsDestination?.TopicARN,
    });
  }
  const identities: string[] = [];
  const defaultConfigurationSets: Record<string, string> = {};
  for (const [logicalId] of model.ofType('AWS::SES::EmailIdentity')) {
    const props = model.properties(logicalId) as { EmailIdentity?: string; ConfigurationSetAttributes?: { ConfigurationSetName?: string } };
    const identity = String(props.EmailIdentity ?? model.ref(logicalId));
    identities.push(identity);
    const setName = props.ConfigurationSetAttributes?.ConfigurationSetName;
    if (setName) defaultConfigurationSets[identity.toLowerCase()] = String(setName);
  }
  return { configurationSets: [...sets.values()], identities, defaultConfigurationSets };
}

/**
 * CloudFormation and the v1 API spell event types in camel case (`send`, `renderingFailure`,
 * `deliveryDelay`: EventDestination's MatchingEventTypes in the v1 API reference), the v2 API
 * in upper snake case (`SEND`, `RENDERING_FAILURE`).
 */
export function eventTypeOf(value: string): SesEventType {
  return value.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() as SesEventType;
}
