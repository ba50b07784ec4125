// What SES inbound takes from the template: each AWS::SES::ReceiptRuleSet with its
// AWS::SES::ReceiptRule resources in the order SES would hold them, and the domains
// verified through AWS::SES::EmailIdentity (a rule without recipients covers those).
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ses-receiptrule.html
// https://docs.aws.amazon.com/ses/latest/APIReference/API_ReceiptRule.html
import type { StackModel } from '../template/stackModel';

export type S3Action = { type: 'S3'; bucketName: string; objectKeyPrefix?: string; topicArn?: string; kmsKeyArn?: string };
/** SES's `Encoding` is `UTF-8` or `Base64` (API_SNSAction.html); UTF-8 is the default. */
export type SnsAction = { type: 'SNS'; topicArn: string; encoding: 'UTF-8' | 'Base64' };
export type LambdaAction = { type: 'Lambda'; functionArn: string; invocationType: 'Event' | 'RequestResponse'; topicArn?: string };
export type BounceAction = { type: 'Bounce'; sender: string; smtpReplyCode: string; statusCode?: string; message: string; topicArn?: string };
export type AddHeaderAction = { type: 'AddHeader'; headerName: string; headerValue: string };
export type StopAction = { type: 'Stop'; scope: string; topicArn?: string };
export type UnsupportedAction = { type: 'Unsupported'; name: string };
export type ReceiptAction = S3Action | SnsAction | LambdaAction | BounceAction | AddHeaderAction | StopAction | UnsupportedAction;

export type ReceiptRuleConfig = {
  name: string;
  /** The API's default is false (API_ReceiptRule.html); CDK writes true unless told otherwise. */
  enabled: boolean;
  /** Addresses and domains; empty means every recipient on the verified domains. */
  recipients: string[];
  scanEnabled: boolean;
  tlsPolicy: 'Optional' | 'Require';
  actions: ReceiptAction[];
};

export type RuleSetConfig = { name: string; rules: ReceiptRuleConfig[] };

type CfnRule = {
  Name?: string;
  Enabled?: boolean | string;
  Recipients?: string[];
  ScanEnabled?: boolean | string;
  TlsPolicy?: string;
  Actions?: Record<string, Record<string, unknown>>[];
};

export function ruleSetConfigs(model: StackModel): RuleSetConfig[] {
  const sets = new Map<string, { name: string; rules: { rule: ReceiptRuleConfig; after?: string }[] }>();
  for (const [id] of model.ofType('AWS::SES::ReceiptRuleSet')) {
    const name = String(model.ref(id));
    sets.set(name, { name, rules: [] });
  }
  for (const [id] of model.ofType('AWS::SES::ReceiptRule')) {
    const props = model.properties(id);
    const setName = String(props.RuleSetName);
    const set = sets.get(setName) ?? { name: setName, rules: [] };
    sets.set(setName, set);
    const rule = ruleConfig(String(model.ref(id)), (props.Rule ?? {}) as CfnRule);
    set.rules.push({ rule, ...(props.After ? { after: String(props.After) } : {}) });
  }
  return [...sets.values()].map((set) => ({ name: set.name, rules: orderRules(set.rules) }));
}

/** Domains verified through AWS::SES::EmailIdentity (identities with an @ are addresses, not domains). */
export function verifiedDomains(model: StackModel): string[] {
  return model
    .ofType('AWS::SES::EmailIdentity')
    .map(([id]) => String(model.properties(id).EmailIdentity ?? ''))
    .filter((identity) => identity && !identity.includes('@'))
    .map((domain) => domain.toLowerCase());
}

/**
 * CreateReceiptRule puts a rule right after the rule named in `After`, or first in the set
 * without one (API_CreateReceiptRule.html). CloudFormation creates them in dependency order
 * (CDK chains each rule to the previous through After), which this replays in template order.
 */
export function orderRules(rules: { rule: ReceiptRuleConfig; after?: string }[]): ReceiptRuleConfig[] {
  const ordered: ReceiptRuleConfig[] = [];
  const pending = [...rules];
  const firsts = pending.filter((r) => r.after === undefined);
  ordered.push(...firsts.map((r) => r.rule));
  let remaining = pending.filter((r) => r.after !== undefined);
  while (remaining.length > 0) {
    const placeable = remaining.filter((r) => ordered.some((o) => o.name === r.after));
    if (placeable.length === 0) {
      // After names a rule that is not there: SES would refuse the rule; keep it last.
      ordered.push(...remaining.map((r) => r.rule));
      break;
    }
    for (const r of placeable) ordered.splice(ordered.findIndex((o) => o.name === r.after) + 1, 0, r.rule);
    remaining = remaining.filter((r) => !placeable.includes(r));
  }
  return ordered;
}

export function ruleConfig(name: string, rule: CfnRule): ReceiptRuleConfig {
  return {
    name,
    enabled: bool(rule.Enabled, false),
    recipients: (rule.Recipients ?? []).map((r) => String(r).toLowerCase()),
    scanEnabled: bool(rule.ScanEnabled, false),
    tlsPolicy: rule.TlsPolicy === 'Require' ? 'Require' : 'Optional',
    actions: (rule.Actions ?? []).map(actionConfig),
  };
}

function actionConfig(entry: Record<string, Record<string, unknown>>): ReceiptAction {
  const [kind, props = {}] = Object.entries(entry)[0] ?? ['', {}];
  const text = (name: string) => (props[name] === undefined ? undefined : String(props[name]));
  const topic = text('TopicArn') ? { topicArn: text('TopicArn')! } : {};
  switch (kind) {
    case 'S3Action':
      return {
        type: 'S3',
        bucketName: text('BucketName') ?? '',
        ...(text('ObjectKeyPrefix') ? { objectKeyPrefix: text('ObjectKeyPrefix')! } : {}),
        ...(text('KmsKeyArn') ? { kmsKeyArn: text('KmsKeyArn')! } : {}),
        ...topic,
      };
    case 'SNSAction':
      return { type: 'SNS', topicArn: text('TopicArn') ?? '', encoding: text('Encoding')?.toLowerCase() === 'base64' ? 'Base64' : 'UTF-8' };
    case 'LambdaAction':
      return {
        type: 'Lambda',
        functionArn: text('FunctionArn') ?? '',
        invocationType: text('InvocationType') === 'RequestResponse' ? 'RequestResponse' : 'Event',
        ...topic,
      };
    case 'BounceAction':
      return {
        type: 'Bounce',
        sender: text('Sender') ?? '',
        smtpReplyCode: text('SmtpReplyCode') ?? '550',
        ...(text('StatusCode') ? { statusCode: text('StatusCode')! } : {}),
        message: text('Message') ?? '',
        ...topic,
      };
    case 'AddHeaderAction':
      return { type: 'AddHeader', headerName: text('HeaderName') ?? '', headerValue: text('HeaderValue') ?? '' };
    case 'StopAction':
      return { type: 'Stop', scope: text('Scope') ?? 'RuleSet', ...topic };
    default:
      return { type: 'Unsupported', name: kind };
  }
}

function bool(value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  return value === true || value === 'true';
}
