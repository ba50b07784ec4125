// CDK's own custom resources take locally the effect they have in AWS; what the local
// runtime cannot play is named at start-up, never silently ignored.
// - Custom::AWS (AwsCustomResource): its Create call, made against the local service.
// - Custom::S3BucketNotifications: the notification configuration set on the local bucket
//   (CDK's handler is Python, which the local Lambda does not run).
// - Custom::S3AutoDeleteObjects, Custom::LogRetention: effects only on delete or in
//   CloudWatch Logs, which the local runtime does not have: nothing to do at start-up.
import type { LocalServices } from '../shared/localServices';
import type { Logger } from '../shared/logger';
import type { StackModel } from '../template/stackModel';
import { makeAwsSdkCall, parseAwsSdkCall, v3ServiceName } from './awsSdkCall';

export type CustomResourceOutcome = { logicalId: string; type: string; played: boolean; note: string };

export type PlayOptions = {
  model: StackModel;
  services: LocalServices;
  /** Local endpoint of an AWS service by its SDK v3 name (`ses`, `sqs`, ...), if one runs. */
  endpointOf: (service: string) => string | undefined;
  clientConfig: { region: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  logger: Logger;
};

const NO_LOCAL_EFFECT: Record<string, string> = {
  'Custom::S3AutoDeleteObjects': 'empties the bucket when the stack is deleted: nothing to do at start-up',
  'Custom::LogRetention': 'sets CloudWatch Logs retention: the local runtime keeps no log groups',
  'Custom::CDKBucketDeployment': 'not played: copies assets into a bucket (put the files there yourself)',
};

export async function playCustomResources(options: PlayOptions): Promise<CustomResourceOutcome[]> {
  const { model, logger } = options;
  const outcomes: CustomResourceOutcome[] = [];
  const resources = Object.entries(model.template.Resources).filter(
    ([, r]) => r.Type.startsWith('Custom::') || r.Type === 'AWS::CloudFormation::CustomResource',
  );
  for (const [logicalId, resource] of resources) {
    const outcome = await playOne(logicalId, resource.Type, options).catch((error: Error) => ({
      logicalId,
      type: resource.Type,
      played: false,
      note: `failed: ${error.message}`,
    }));
    outcomes.push(outcome);
    const line = `${resource.Type} ${logicalId}: ${outcome.note}`;
    if (outcome.played) logger.info(line);
    else logger.warn(line);
  }
  return outcomes;
}

async function playOne(logicalId: string, type: string, options: PlayOptions): Promise<CustomResourceOutcome> {
  const props = options.model.properties(logicalId);
  if (type === 'Custom::AWS') {
    const call = parseAwsSdkCall(props.Create ?? props.Update);
    if (!call) return { logicalId, type, played: true, note: 'no Create call: nothing to do at start-up' };
    const service = v3ServiceName(call.service);
    // SES receipt rule sets live with the local SMTP listener, not with the SES API.
    if (service === 'ses' && /^setActiveReceiptRuleSet$/i.test(call.action)) {
      const name = call.parameters?.RuleSetName as string | undefined;
      options.services.setActiveReceiptRuleSet(name);
      return { logicalId, type, played: true, note: `SES SetActiveReceiptRuleSet ${name ?? '(none)'}` };
    }
    const endpoint = options.endpointOf(service);
    if (!endpoint) return { logicalId, type, played: false, note: `not played: ${call.service}.${call.action} (no local ${service})` };
    await makeAwsSdkCall(call, endpoint, options.clientConfig);
    return { logicalId, type, played: true, note: `${call.service}.${call.action} made against ${endpoint}` };
  }
  if (type === 'Custom::S3BucketNotifications') {
    const bucket = String(props.BucketName);
    options.services.setBucketNotifications(bucket, props.NotificationConfiguration ?? {});
    return { logicalId, type, played: true, note: `notifications of bucket ${bucket} set` };
  }
  const known = NO_LOCAL_EFFECT[type];
  if (known) return { logicalId, type, played: !known.startsWith('not played'), note: known };
  return { logicalId, type, played: false, note: 'not played: a custom resource of the template whose effect the local runtime does not know' };
}
