// What the local Secrets Manager takes from the template: each AWS::SecretsManager::Secret
// with its ARN (StackModel: name + 6 characters, stable across restarts), description, KMS key
// and tags, and where its value comes from: SecretString, GenerateSecretString, or nothing
// ("If you omit both GenerateSecretString and SecretString, you create an empty secret").
// A change to either property makes a new version, as a stack update does ("When you make a
// change to this property, a new secret version is created"), so each secret carries a hash
// of the two.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-secretsmanager-secret.html
import { createHash } from 'node:crypto';
import type { StackModel } from '../template/stackModel';
import type { GenerateSecretString } from './randomPassword';
import type { SecretTag } from './secret';
import { nameOfSecretArn } from './secretId';

export type SecretSource = { kind: 'string'; secretString: string } | { kind: 'generate'; spec: GenerateSecretString } | { kind: 'empty' };

export type TemplateSecret = {
  logicalId: string;
  arn: string;
  name: string;
  description?: string;
  kmsKeyId?: string;
  tags: SecretTag[];
  source: SecretSource;
  /** Hash of SecretString and GenerateSecretString: a new one means a new version. */
  sourceHash: string;
};

type Props = Record<string, unknown>;

const BOOLEANS = ['ExcludeLowercase', 'ExcludeNumbers', 'ExcludePunctuation', 'ExcludeUppercase', 'IncludeSpace', 'RequireEachIncludedType'] as const;

export function templateSecrets(model: StackModel): TemplateSecret[] {
  return model.ofType('AWS::SecretsManager::Secret').map(([logicalId]) => {
    const props = model.properties(logicalId) as Props;
    const arn = String(model.ref(logicalId));
    if (props.SecretString !== undefined && props.GenerateSecretString !== undefined) {
      throw new Error(`AWS::SecretsManager::Secret ${logicalId} has both SecretString and GenerateSecretString; CloudFormation takes one or the other.`);
    }
    return {
      logicalId,
      arn,
      name: nameOfSecretArn(arn),
      ...(props.Description !== undefined ? { description: String(props.Description) } : {}),
      ...(props.KmsKeyId !== undefined ? { kmsKeyId: String(props.KmsKeyId) } : {}),
      tags: [...tagsOf(props.Tags), ...cloudFormationTags(model, logicalId)],
      source: sourceOf(props),
      sourceHash: createHash('sha256').update(JSON.stringify([props.SecretString ?? null, props.GenerateSecretString ?? null])).digest('hex'),
    };
  });
}

function sourceOf(props: Props): SecretSource {
  if (props.SecretString !== undefined) return { kind: 'string', secretString: String(props.SecretString) };
  if (props.GenerateSecretString === undefined) return { kind: 'empty' };
  const raw = props.GenerateSecretString as Props;
  const spec: GenerateSecretString = {};
  for (const name of BOOLEANS) if (raw[name] !== undefined) spec[name] = raw[name] === true || raw[name] === 'true';
  if (raw.PasswordLength !== undefined) spec.PasswordLength = Number(raw.PasswordLength);
  if (raw.ExcludeCharacters !== undefined) spec.ExcludeCharacters = String(raw.ExcludeCharacters);
  if (raw.SecretStringTemplate !== undefined) spec.SecretStringTemplate = String(raw.SecretStringTemplate);
  if (raw.GenerateStringKey !== undefined) spec.GenerateStringKey = String(raw.GenerateStringKey);
  return { kind: 'generate', spec };
}

function tagsOf(tags: unknown): SecretTag[] {
  if (!Array.isArray(tags)) return [];
  return tags.map((tag: { Key?: unknown; Value?: unknown }) => ({ Key: String(tag.Key), Value: String(tag.Value ?? '') }));
}

/**
 * The stack-level tags CloudFormation puts on every resource that takes tags.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-resource-tags.html
 */
function cloudFormationTags(model: StackModel, logicalId: string): SecretTag[] {
  return [
    { Key: 'aws:cloudformation:stack-name', Value: model.env.stackName },
    { Key: 'aws:cloudformation:logical-id', Value: logicalId },
    { Key: 'aws:cloudformation:stack-id', Value: String(model.ref('AWS::StackId')) },
  ];
}
