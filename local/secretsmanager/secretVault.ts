// The secrets of the local Secrets Manager: the template's (made once, then kept) and those
// created through the API, looked up by name or ARN, each change saved to the store. No HTTP:
// operations.ts turns requests into these calls, router.ts speaks the protocol.
import { randomInt, randomUUID } from 'node:crypto';
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import { parseSecretReference } from '../template/dynamicReferences';
import { secretExists, secretNotFound } from './errors';
import { matchesFilters, type ListFilter } from './listFilters';
import type { TemplateSecret } from './options';
import { generateSecretString, type RandomIndex } from './randomPassword';
import { Secret, type SecretRecord, type SecretTag, type SecretValue, type SecretVersion } from './secret';
import { namesSecret, randomSuffix, secretArn } from './secretId';
import type { SecretStore } from './secretStore';

export type SecretVaultOptions = {
  store: SecretStore;
  clock: Clock;
  region: string;
  accountId: string;
  logger: Logger;
  /** Password characters and ARN suffixes; crypto's by default. */
  random?: RandomIndex;
  /** Version ids of generated versions; random UUIDs by default. */
  newVersionId?: () => string;
};

export type NewSecret = {
  name: string;
  description?: string;
  kmsKeyId?: string;
  tags?: SecretTag[];
  /** The first version, with its ClientRequestToken, when a value is given. */
  value?: { versionId: string } & SecretValue;
};

export class SecretVault {
  private readonly secrets: Secret[];
  private readonly random: RandomIndex;
  private readonly newVersionId: () => string;

  constructor(private readonly options: SecretVaultOptions) {
    this.secrets = options.store.load().map((record) => new Secret(record));
    this.random = options.random ?? randomInt;
    this.newVersionId = options.newVersionId ?? randomUUID;
  }

  get region(): string {
    return this.options.region;
  }

  /**
   * Brings the template's secrets in: a new one gets its first version (its SecretString, or a
   * password made from GenerateSecretString), a kept one keeps its versions unless its value's
   * properties changed (then a new AWSCURRENT version), and one no longer in the template is
   * gone, as CloudFormation deletes it. Secrets created through the API are left alone.
   */
  syncTemplate(definitions: readonly TemplateSecret[]): void {
    const now = this.options.clock.now();
    const wanted = new Set(definitions.map((d) => d.arn));
    for (let i = this.secrets.length - 1; i >= 0; i -= 1) {
      const record = this.secrets[i]!.record;
      if (record.template && !wanted.has(record.arn)) {
        this.options.logger.info(`secret ${record.name} is no longer in the template: deleted`);
        this.secrets.splice(i, 1);
      }
    }
    for (const definition of definitions) {
      let secret = this.secrets.find((s) => s.arn === definition.arn);
      const changed = secret?.record.template?.sourceHash !== definition.sourceHash;
      if (!secret) {
        secret = new Secret({ arn: definition.arn, name: definition.name, tags: [], createdDate: now, lastChangedDate: now, versions: [] });
        this.secrets.push(secret);
      }
      Object.assign(secret.record, {
        description: definition.description,
        kmsKeyId: definition.kmsKeyId,
        tags: definition.tags,
        template: { logicalId: definition.logicalId, sourceHash: definition.sourceHash },
      });
      if (changed && definition.source.kind !== 'empty') {
        const value = definition.source.kind === 'string' ? definition.source.secretString : generateSecretString(definition.source.spec, this.random);
        secret.putValue(this.newVersionId(), { secretString: value }, undefined, now);
        this.options.logger.info(`secret ${definition.name}: ${secret.record.versions.length > 1 ? 'new version from the template' : 'created'}`);
      }
    }
    this.save();
  }

  create(input: NewSecret): { secret: Secret; version?: SecretVersion } {
    const now = this.options.clock.now();
    const existing = this.secrets.find((s) => s.name === input.name);
    if (existing) {
      // A retried CreateSecret (same token, same value) succeeds again.
      const retried = input.value && existing.record.versions.find((v) => v.versionId === input.value!.versionId);
      if (retried && retried.secretString === input.value!.secretString && retried.secretBinary === input.value!.secretBinary) {
        return { secret: existing, version: retried };
      }
      throw secretExists(input.name);
    }
    const secret = new Secret({
      arn: secretArn(this.options.region, this.options.accountId, input.name, randomSuffix(this.random)),
      name: input.name,
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.kmsKeyId !== undefined ? { kmsKeyId: input.kmsKeyId } : {}),
      tags: input.tags ?? [],
      createdDate: now,
      lastChangedDate: now,
      versions: [],
    });
    const version = input.value ? secret.putValue(input.value.versionId, input.value, undefined, now).version : undefined;
    this.secrets.push(secret);
    this.save();
    return { secret, version };
  }

  /** By name, full ARN or partial ARN. */
  find(secretId: string): Secret {
    const secret = this.secrets.find((s) => namesSecret(secretId, s));
    if (!secret) throw secretNotFound();
    return secret;
  }

  /** GetSecretValue: the version asked for, noting the access. */
  getValue(secretId: string, by: { versionId?: string; versionStage?: string }): { secret: Secret; version: SecretVersion } {
    const secret = this.find(secretId);
    const version = secret.version(by);
    secret.accessed(version, this.options.clock.now());
    this.save();
    return { secret, version };
  }

  putValue(secretId: string, versionId: string, value: SecretValue, stages: readonly string[] | undefined): { secret: Secret; version: SecretVersion } {
    const secret = this.find(secretId);
    const { version, created } = secret.putValue(versionId, value, stages, this.options.clock.now());
    if (created) this.save();
    return { secret, version };
  }

  updateStage(secretId: string, label: string, moveTo: string | undefined, removeFrom: string | undefined): Secret {
    const secret = this.find(secretId);
    secret.updateStage(label, moveTo, removeFrom, this.options.clock.now());
    this.save();
    return secret;
  }

  /** ListSecrets' order: by creation date (ascending unless `desc`). */
  list(filters: readonly ListFilter[], sortOrder: 'asc' | 'desc' = 'asc'): Secret[] {
    const found = this.secrets.filter((s) => matchesFilters(s.record, filters, this.options.region));
    found.sort((a, b) => a.record.createdDate - b.record.createdDate);
    return sortOrder === 'desc' ? found.reverse() : found;
  }

  generatePassword = (spec: Parameters<typeof generateSecretString>[0]): string => generateSecretString(spec, this.random);

  /**
   * Answers `{{resolve:secretsmanager:<parameter>}}` as CloudFormation does when it deploys:
   * the whole SecretString, or one key of its JSON, of AWSCURRENT or the version named.
   */
  resolveDynamicReference(parameter: string): string {
    const reference = parseSecretReference(parameter);
    const what = `{{resolve:secretsmanager:${parameter}}}`;
    let found: { version: SecretVersion };
    try {
      found = this.getValue(reference.secretId, { versionId: reference.versionId, versionStage: reference.versionStage });
    } catch (error) {
      throw new Error(`${what}: ${(error as Error).message}`);
    }
    const text = found.version.secretString;
    if (text === undefined) throw new Error(`${what}: the secret holds a binary value; only SecretString can be referenced.`);
    if (reference.jsonKey === undefined) return text;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${what}: the secret's value is not JSON, so it has no key ${reference.jsonKey}.`);
    }
    const value = (json as Record<string, unknown> | null)?.[reference.jsonKey];
    if (value === undefined) throw new Error(`${what}: the secret's JSON has no key ${reference.jsonKey}.`);
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  /** Every secret's record, for tests and the start-up summary. */
  records(): readonly SecretRecord[] {
    return this.secrets.map((s) => s.record);
  }

  private save(): void {
    this.options.store.save(this.records());
  }
}
