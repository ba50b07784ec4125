// One secret: its metadata and its versions, with the staging-label rules Secrets Manager
// documents. No HTTP, no storage: the vault (secretVault.ts) keeps these and saves them.
//
// - A staging label is attached to at most one version of a secret at a time; attaching it to
//   a version takes it off the version that had it.
// - A new value without VersionStages gets AWSCURRENT, and so does a secret's first version
//   whatever its labels; whenever AWSCURRENT moves, AWSPREVIOUS moves to the version
//   AWSCURRENT was taken from.
// - A version without labels is deprecated; Secrets Manager removes deprecated versions past
//   100, but not those created less than 24 hours ago.
// - A ClientRequestToken is the version id: the same token with the same value is ignored, with
//   another value it fails, since a version never changes.
// https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_PutSecretValue.html
// https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_UpdateSecretVersionStage.html
// https://docs.aws.amazon.com/secretsmanager/latest/userguide/whats-in-a-secret.html#term_version
import { invalidParameter, versionExists, versionNotFound } from './errors';

export const AWSCURRENT = 'AWSCURRENT';
export const AWSPREVIOUS = 'AWSPREVIOUS';

/** "Secrets Manager removes outdated versions when there are more than 100" (PutSecretValue). */
export const MAX_VERSIONS = 100;
/** "... but it does not remove versions created less than 24 hours ago." */
export const VERSION_KEEP_MS = 24 * 60 * 60 * 1000;

export type SecretValue = {
  secretString?: string;
  /** SecretBinary, base64 (as JSON carries blobs). */
  secretBinary?: string;
};

export type SecretVersion = SecretValue & {
  versionId: string;
  /** Milliseconds since the epoch. */
  createdDate: number;
  lastAccessedDate?: number;
  stages: string[];
};

export type SecretTag = { Key: string; Value: string };

/** What the vault keeps (and writes to `<dataDir>/secretsmanager/secrets.json`). */
export type SecretRecord = {
  arn: string;
  name: string;
  description?: string;
  kmsKeyId?: string;
  tags: SecretTag[];
  createdDate: number;
  lastChangedDate: number;
  /** Midnight (UTC) of the day of the last GetSecretValue: AWS reports the date only. */
  lastAccessedDate?: number;
  versions: SecretVersion[];
  /** Secrets of the template: their logical id and a hash of what makes their value. */
  template?: { logicalId: string; sourceHash: string };
};

export class Secret {
  constructor(readonly record: SecretRecord) {}

  get arn(): string {
    return this.record.arn;
  }

  get name(): string {
    return this.record.name;
  }

  /** The version asked for: by id, by label, or AWSCURRENT; when both are given they must agree. */
  version(by: { versionId?: string; versionStage?: string } = {}): SecretVersion {
    const stage = by.versionStage ?? (by.versionId === undefined ? AWSCURRENT : undefined);
    const version = this.record.versions.find(
      (v) => (by.versionId === undefined || v.versionId === by.versionId) && (stage === undefined || v.stages.includes(stage)),
    );
    if (!version) throw versionNotFound(by.versionId !== undefined ? { versionId: by.versionId } : { versionStage: stage });
    return version;
  }

  /**
   * Stores a new version with the labels given (AWSCURRENT when none are, and always on the
   * first version). Resolves to the version and whether it is new (a repeated token with the
   * same value is not).
   */
  putValue(versionId: string, value: SecretValue, stages: readonly string[] | undefined, now: number): { version: SecretVersion; created: boolean } {
    const existing = this.record.versions.find((v) => v.versionId === versionId);
    if (existing) {
      if (existing.secretString === value.secretString && existing.secretBinary === value.secretBinary) return { version: existing, created: false };
      throw versionExists(versionId);
    }
    const version: SecretVersion = { versionId, createdDate: now, stages: [], ...value };
    const labels = stages && stages.length > 0 ? [...stages] : [AWSCURRENT];
    // "If this operation creates the first version for the secret, then Secrets Manager
    // automatically attaches the staging label AWSCURRENT to it."
    if (this.record.versions.length === 0 && !labels.includes(AWSCURRENT)) labels.push(AWSCURRENT);
    this.record.versions.push(version);
    for (const label of labels) this.attach(label, version);
    this.record.lastChangedDate = now;
    this.prune(now);
    return { version, created: true };
  }

  /**
   * UpdateSecretVersionStage: moves `label` to `moveTo`, or takes it off `removeFrom`. A label
   * attached to a version can only move when that version is named in `removeFrom`.
   */
  updateStage(label: string, moveTo: string | undefined, removeFrom: string | undefined, now: number): void {
    const holder = this.record.versions.find((v) => v.stages.includes(label));
    if (removeFrom !== undefined && holder?.versionId !== removeFrom) {
      throw invalidParameter(`The staging label ${label} is not attached to version ${removeFrom}. (local wording)`);
    }
    if (moveTo === undefined) {
      if (removeFrom === undefined) throw invalidParameter('Specify MoveToVersionId, RemoveFromVersionId or both. (local wording)');
      if (label === AWSCURRENT) throw invalidParameter('AWSCURRENT can only be moved to another version, not removed. (local wording)');
      holder!.stages = holder!.stages.filter((s) => s !== label);
    } else {
      const target = this.record.versions.find((v) => v.versionId === moveTo);
      if (!target) throw versionNotFound({ versionId: moveTo });
      if (holder && holder !== target && removeFrom === undefined) {
        // "If the staging label is already attached to a different version of the secret,
        // then you must also specify the RemoveFromVersionId parameter."
        throw invalidParameter(`The staging label ${label} is attached to version ${holder.versionId}; name it in RemoveFromVersionId to move the label. (local wording)`);
      }
      this.attach(label, target);
    }
    this.record.lastChangedDate = now;
    this.prune(now);
  }

  /** Labelled versions by id (DescribeSecret's VersionIdsToStages): deprecated versions are left out. */
  versionIdsToStages(): Record<string, string[]> {
    return Object.fromEntries(this.record.versions.filter((v) => v.stages.length > 0).map((v) => [v.versionId, [...v.stages]]));
  }

  /** Notes a read on the day it happened. */
  accessed(version: SecretVersion, now: number): void {
    const day = new Date(now);
    day.setUTCHours(0, 0, 0, 0);
    this.record.lastAccessedDate = day.getTime();
    version.lastAccessedDate = day.getTime();
  }

  private attach(label: string, target: SecretVersion): void {
    const holder = this.record.versions.find((v) => v.stages.includes(label));
    if (holder === target) return;
    if (holder) holder.stages = holder.stages.filter((s) => s !== label);
    target.stages.push(label);
    if (label === AWSCURRENT && holder) {
      const previous = this.record.versions.find((v) => v.stages.includes(AWSPREVIOUS));
      if (previous) previous.stages = previous.stages.filter((s) => s !== AWSPREVIOUS);
      holder.stages.push(AWSPREVIOUS);
    }
  }

  private prune(now: number): void {
    let excess = this.record.versions.length - MAX_VERSIONS;
    if (excess <= 0) return;
    this.record.versions = this.record.versions.filter((v) => {
      if (excess <= 0 || v.stages.length > 0 || now - v.createdDate < VERSION_KEEP_MS) return true;
      excess -= 1;
      return false;
    });
  }
}
