// CloudFormation dynamic references, `{{resolve:<service>:<parameter>}}`, found in template
// strings once intrinsic functions are resolved, and replaced by what the service they name
// answers. Only `secretsmanager` is played locally (local/secretsmanager); `ssm` and
// `ssm-secure` have no local service, so their references are left as they are.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-secretsmanager.html

/** What a secretsmanager reference asks for. */
export type SecretReference = {
  /** The secret's name or ARN. */
  secretId: string;
  /** A key of the secret's JSON value; absent for the whole value. */
  jsonKey?: string;
  versionStage?: string;
  versionId?: string;
};

/** Answers one reference's parameter (`<secret-id>:SecretString:<json-key>:...`) with its value. */
export type DynamicReferenceResolver = (parameter: string) => string;

const REFERENCE = /\{\{resolve:([a-z0-9-]+):(.*?)\}\}/g;

/** Whether a string holds at least one dynamic reference. */
export function hasDynamicReference(text: string): boolean {
  return text.includes('{{resolve:');
}

/**
 * Replaces each `{{resolve:<service>:<parameter>}}` by `resolve(service, parameter, whole)`;
 * a reference it answers with undefined stays as it is.
 */
export function replaceDynamicReferences(
  text: string,
  resolve: (service: string, parameter: string, whole: string) => string | undefined,
): string {
  return text.replace(REFERENCE, (whole, service: string, parameter: string) => resolve(service, parameter, whole) ?? whole);
}

/**
 * Reads `secret-id:SecretString:json-key:version-stage:version-id`. The secret id may be an
 * ARN, whose own colons belong to it (`arn:aws:secretsmanager:<region>:<account>:secret:<name>`).
 * Every segment after the secret id is optional; CDK writes the empty ones (`:SecretString:::`).
 */
export function parseSecretReference(parameter: string): SecretReference {
  const parts = parameter.split(':');
  const idLength = parts[0] === 'arn' ? 7 : 1;
  const secretId = parts.slice(0, idLength).join(':');
  const [secretString, jsonKey, versionStage, versionId, ...extra] = parts.slice(idLength);
  if (!secretId || (idLength === 7 && parts.length < 7)) {
    throw new Error(`{{resolve:secretsmanager:${parameter}}} names no secret (expected its name or full ARN).`);
  }
  if (secretString !== undefined && secretString !== '' && secretString !== 'SecretString') {
    // "secret-string: The only supported value is SecretString."
    throw new Error(`{{resolve:secretsmanager:${parameter}}}: the segment after the secret id must be SecretString, not ${secretString}.`);
  }
  if (extra.length > 0) throw new Error(`{{resolve:secretsmanager:${parameter}}} has more segments than secret-id:SecretString:json-key:version-stage:version-id.`);
  if (versionStage && versionId) {
    throw new Error(`{{resolve:secretsmanager:${parameter}}}: give a version stage or a version id, not both.`);
  }
  return {
    secretId,
    ...(jsonKey ? { jsonKey } : {}),
    ...(versionStage ? { versionStage } : {}),
    ...(versionId ? { versionId } : {}),
  };
}
