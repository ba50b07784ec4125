// The Secrets Manager operations the local service answers: each reads its request members,
// calls the vault and returns the response members, as the API reference lists them. Dates
// are epoch seconds, as AWS JSON 1.1 sends timestamps; binary values are base64.
// https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_Operations.html
import { invalidParameter, invalidRequest, SecretsManagerError } from './errors';
import { checkFilters } from './listFilters';
import type { PasswordOptions } from './randomPassword';
import type { Secret, SecretTag, SecretValue, SecretVersion } from './secret';
import { checkSecretName } from './secretId';
import type { SecretVault } from './secretVault';

export type Input = Record<string, unknown>;
export type Operation = (vault: SecretVault, input: Input) => Record<string, unknown>;

/** SecretString and SecretBinary: "Maximum length of 65536". */
export const MAX_SECRET_BYTES = 65536;
/** ListSecrets and ListSecretVersionIds: MaxResults 1-100; the page size without it is not documented. */
export const MAX_LIST_RESULTS = 100;
/** ClientRequestToken: "Length Constraints: Minimum length of 32. Maximum length of 64." */
const TOKEN_LENGTH = { min: 32, max: 64 };

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

function required(input: Input, member: string): string {
  const value = input[member];
  if (typeof value !== 'string' || value === '') {
    // The model's "required" trait, in the wording AWS JSON services use for it.
    throw invalidParameter(`1 validation error detected: Value null at '${member[0]!.toLowerCase()}${member.slice(1)}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

function optional(input: Input, member: string): string | undefined {
  const value = input[member];
  return value === undefined || value === null ? undefined : String(value);
}

function token(input: Input): string | undefined {
  const value = optional(input, 'ClientRequestToken');
  if (value !== undefined && (value.length < TOKEN_LENGTH.min || value.length > TOKEN_LENGTH.max)) {
    throw invalidParameter(`ClientRequestToken must be ${TOKEN_LENGTH.min} to ${TOKEN_LENGTH.max} characters long. (local wording)`);
  }
  return value;
}

/** SecretString or SecretBinary (one at most); undefined when neither is given. */
function secretValue(input: Input): SecretValue | undefined {
  const secretString = optional(input, 'SecretString');
  const secretBinary = optional(input, 'SecretBinary');
  if (secretString !== undefined && secretBinary !== undefined) {
    throw invalidParameter("You can't specify both a binary secret value and a string secret value in the same secret. (local wording)");
  }
  const size = secretString !== undefined ? Buffer.byteLength(secretString) : secretBinary !== undefined ? Buffer.from(secretBinary, 'base64').length : 0;
  if (size > MAX_SECRET_BYTES) throw invalidParameter(`The secret value is larger than ${MAX_SECRET_BYTES} bytes. (local wording)`);
  if (secretString !== undefined) return { secretString };
  if (secretBinary !== undefined) return { secretBinary };
  return undefined;
}

function stagesOf(input: Input): string[] | undefined {
  const stages = input.VersionStages;
  if (stages === undefined) return undefined;
  if (!Array.isArray(stages) || stages.some((s) => typeof s !== 'string' || s.length === 0)) throw invalidParameter('VersionStages must be a list of labels. (local wording)');
  return stages as string[];
}

function tagsOf(input: Input): SecretTag[] | undefined {
  const tags = input.Tags;
  if (tags === undefined) return undefined;
  if (!Array.isArray(tags)) throw invalidParameter('Tags must be a list of { Key, Value }. (local wording)');
  return tags.map((tag: { Key?: unknown; Value?: unknown }) => ({ Key: String(tag.Key), Value: String(tag.Value ?? '') }));
}

function maxResults(input: Input): number {
  const value = input.MaxResults;
  if (value === undefined) return MAX_LIST_RESULTS;
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_LIST_RESULTS) {
    throw invalidParameter(`1 validation error detected: Value '${String(value)}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and ${MAX_LIST_RESULTS}`);
  }
  return value as number;
}

/** NextToken: the offset of the next page, opaque to callers. */
function page<T>(items: T[], input: Input): { items: T[]; NextToken?: string } {
  const size = maxResults(input);
  const raw = optional(input, 'NextToken');
  const start = raw === undefined ? 0 : Number(Buffer.from(raw, 'base64url').toString('utf8'));
  if (!Number.isInteger(start) || start < 0) throw new SecretsManagerError('InvalidNextTokenException', 'The NextToken value is not valid. (local wording)');
  const next = start + size;
  return { items: items.slice(start, next), ...(next < items.length ? { NextToken: Buffer.from(String(next)).toString('base64url') } : {}) };
}

function valueMembers(version: SecretVersion) {
  return {
    ...(version.secretString !== undefined ? { SecretString: version.secretString } : {}),
    ...(version.secretBinary !== undefined ? { SecretBinary: version.secretBinary } : {}),
  };
}

/** The members DescribeSecret and ListSecrets' entries share. */
function metadata(secret: Secret) {
  const r = secret.record;
  return {
    ARN: r.arn,
    Name: r.name,
    ...(r.description !== undefined ? { Description: r.description } : {}),
    ...(r.kmsKeyId !== undefined ? { KmsKeyId: r.kmsKeyId } : {}),
    LastChangedDate: seconds(r.lastChangedDate),
    ...(r.lastAccessedDate !== undefined ? { LastAccessedDate: seconds(r.lastAccessedDate) } : {}),
    ...(r.tags.length > 0 ? { Tags: r.tags } : {}),
    CreatedDate: seconds(r.createdDate),
  };
}

const PASSWORD_OPTIONS = ['ExcludeNumbers', 'ExcludePunctuation', 'ExcludeUppercase', 'ExcludeLowercase', 'IncludeSpace', 'RequireEachIncludedType'] as const;

export const OPERATIONS: Record<string, Operation> = {
  CreateSecret(vault, input) {
    const name = checkSecretName(input.Name);
    const value = secretValue(input);
    const versionId = token(input);
    if (value && !versionId) throw invalidParameter('ClientRequestToken is required with a secret value (the SDKs fill it in). (local wording)');
    const { secret, version } = vault.create({
      name,
      description: optional(input, 'Description'),
      kmsKeyId: optional(input, 'KmsKeyId'),
      tags: tagsOf(input),
      value: value && { versionId: versionId!, ...value },
    });
    return { ARN: secret.arn, Name: secret.name, ...(version ? { VersionId: version.versionId } : {}) };
  },

  GetSecretValue(vault, input) {
    const { secret, version } = vault.getValue(required(input, 'SecretId'), {
      versionId: optional(input, 'VersionId'),
      versionStage: optional(input, 'VersionStage'),
    });
    return {
      ARN: secret.arn,
      Name: secret.name,
      VersionId: version.versionId,
      ...valueMembers(version),
      VersionStages: [...version.stages],
      CreatedDate: seconds(version.createdDate),
    };
  },

  PutSecretValue(vault, input) {
    const secretId = required(input, 'SecretId');
    const value = secretValue(input);
    if (!value) throw invalidRequest('You must provide either SecretString or SecretBinary. (local wording)');
    const versionId = token(input);
    if (!versionId) throw invalidParameter('ClientRequestToken is required (the SDKs fill it in). (local wording)');
    const { secret, version } = vault.putValue(secretId, versionId, value, stagesOf(input));
    return { ARN: secret.arn, Name: secret.name, VersionId: version.versionId, VersionStages: [...version.stages] };
  },

  DescribeSecret(vault, input) {
    const secret = vault.find(required(input, 'SecretId'));
    const stages = secret.versionIdsToStages();
    return { ...metadata(secret), ...(Object.keys(stages).length > 0 ? { VersionIdsToStages: stages } : {}) };
  },

  ListSecrets(vault, input) {
    const sortOrder = optional(input, 'SortOrder');
    if (sortOrder !== undefined && sortOrder !== 'asc' && sortOrder !== 'desc') {
      throw invalidParameter(`1 validation error detected: Value '${sortOrder}' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value set: [asc, desc]`);
    }
    const { items, NextToken } = page(vault.list(checkFilters(input.Filters), sortOrder), input);
    return {
      SecretList: items.map((secret) => ({ ...metadata(secret), SecretVersionsToStages: secret.versionIdsToStages() })),
      ...(NextToken ? { NextToken } : {}),
    };
  },

  ListSecretVersionIds(vault, input) {
    const secret = vault.find(required(input, 'SecretId'));
    const versions = secret.record.versions.filter((v) => input.IncludeDeprecated === true || v.stages.length > 0);
    const { items, NextToken } = page(versions, input);
    return {
      Versions: items.map((v) => ({
        VersionId: v.versionId,
        VersionStages: [...v.stages],
        ...(v.lastAccessedDate !== undefined ? { LastAccessedDate: seconds(v.lastAccessedDate) } : {}),
        CreatedDate: seconds(v.createdDate),
      })),
      ARN: secret.arn,
      Name: secret.name,
      ...(NextToken ? { NextToken } : {}),
    };
  },

  UpdateSecretVersionStage(vault, input) {
    const secret = vault.updateStage(
      required(input, 'SecretId'),
      required(input, 'VersionStage'),
      optional(input, 'MoveToVersionId'),
      optional(input, 'RemoveFromVersionId'),
    );
    return { ARN: secret.arn, Name: secret.name };
  },

  GetRandomPassword(vault, input) {
    const options: PasswordOptions = {};
    for (const name of PASSWORD_OPTIONS) if (input[name] !== undefined) options[name] = input[name] === true;
    if (input.PasswordLength !== undefined) options.PasswordLength = Number(input.PasswordLength);
    if (input.ExcludeCharacters !== undefined) options.ExcludeCharacters = String(input.ExcludeCharacters);
    return { RandomPassword: vault.generatePassword(options) };
  },
};
