// What a script needs to find the stack's resources locally, as CloudFormation's outputs and
// physical ids give it in AWS: the stack's Outputs by name, and the physical id (name, URL
// or ARN) of every table, queue, topic, bucket, function and secret, keyed both by CDK construct
// path (`CalendarInvite/Messaging/InviteDispatch/Queue`) and by logical id.
import type { StackModel } from './stackModel';

/** One resource as the local runtime plays it. */
export type ResourceIds = {
  type: string;
  logicalId: string;
  /** The CDK construct path (`aws:cdk:path` metadata, without the `/Resource` leaf). */
  path?: string;
  /** What Ref gives: the table, bucket or function name, the queue URL, the topic ARN. */
  ref: string;
  arn?: string;
  /** A queue's, bucket's or secret's name where Ref gives something else. */
  name?: string;
  /** A table's stream ARN. */
  streamArn?: string;
};

const LISTED: Record<string, (model: StackModel, logicalId: string) => Omit<ResourceIds, 'type' | 'logicalId' | 'path' | 'ref'>> = {
  'AWS::DynamoDB::Table': (m, id) => ({ arn: att(m, id, 'Arn'), streamArn: att(m, id, 'StreamArn') }),
  'AWS::DynamoDB::GlobalTable': (m, id) => ({ arn: att(m, id, 'Arn'), streamArn: att(m, id, 'StreamArn') }),
  'AWS::SQS::Queue': (m, id) => ({ arn: att(m, id, 'Arn'), name: att(m, id, 'QueueName') }),
  'AWS::SNS::Topic': (m, id) => ({ arn: att(m, id, 'TopicArn'), name: att(m, id, 'TopicName') }),
  'AWS::S3::Bucket': (m, id) => ({ arn: att(m, id, 'Arn') }),
  'AWS::Lambda::Function': (m, id) => ({ arn: att(m, id, 'Arn') }),
  // Ref gives the ARN; the name is the ARN's resource part without the 6-character suffix.
  'AWS::SecretsManager::Secret': (m, id) => {
    const arn = String(m.ref(id));
    return { arn, name: arn.split(':secret:')[1]?.replace(/-[A-Za-z0-9]{6}$/, '') };
  },
};

function att(model: StackModel, logicalId: string, attribute: string): string | undefined {
  try {
    return String(model.getAtt(logicalId, attribute));
  } catch {
    return undefined;
  }
}

/** Every table, queue, topic, bucket and function of the template, by logical id. */
export function listResources(model: StackModel): ResourceIds[] {
  const resources: ResourceIds[] = [];
  for (const [type, extra] of Object.entries(LISTED)) {
    for (const [logicalId, resource] of model.ofType(type)) {
      const cdkPath = resource.Metadata?.['aws:cdk:path'];
      resources.push({
        type,
        logicalId,
        ...(typeof cdkPath === 'string' ? { path: cdkPath.replace(/\/Resource$/, '') } : {}),
        ref: String(model.ref(logicalId)),
        ...extra(model, logicalId),
      });
    }
  }
  return resources;
}

/**
 * The stack's Outputs by name, then each listed resource's Ref value by construct path and by
 * logical id (paths contain `/`, output names and logical ids do not, so keys never collide).
 */
export function stackOutputs(model: StackModel, resources: ResourceIds[] = listResources(model)): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const [name, output] of Object.entries(model.template.Outputs ?? {})) {
    outputs[name] = String(model.resolve(output.Value));
  }
  for (const resource of resources) {
    if (resource.path) outputs[resource.path] = resource.ref;
    outputs[resource.logicalId] ??= resource.ref;
  }
  return outputs;
}
