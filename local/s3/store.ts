// The local S3's semantics: buckets, objects, copies, listings, multipart uploads, integrity
// checks, conditional requests, ranges and bucket notifications, as the S3 API reference
// describes each operation. It knows nothing of HTTP: router.ts decodes requests into these
// calls. It is also the BucketTarget other local services (SES inbound) store objects through.
//
//   const store = new S3Store({ storage: new MemoryStorage(), clock: systemClock, logger, region: 'us-east-1' });
//   store.createBucket('inbound-mail');
//   await store.putObject('inbound-mail', 'emails/abc', body, 'message/rfc822');
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { BucketTarget } from '../shared/localServices';
import { LOCAL_IAM_USER_ID } from '../shared/sigv4/verifier';
import { checksumBase64, type ChecksumAlgorithm } from './checksums';
import { invalidRequest, noSuchBucket, noSuchKey, S3Error } from './errors';
import { objectEtag, unquote } from './etag';
import { verifyIntegrity, type IntegrityClaims } from './integrity';
import { newHostId, newRequestId } from './ids';
import { listPage, type ListPage, type ListRequest } from './listing';
import { checkPartNumber, checksumTypeFor, MultipartUploads, type CompletedPart, type Upload, type UploadPart } from './multipart';
import {
  NotificationDelivery,
  notificationRules,
  type ApiNotificationConfiguration,
  type BucketIdentity,
  type CfnNotificationConfiguration,
  type EventContext,
  type NotificationConfig,
  type NotificationTargets,
  type S3EventName,
} from './notifications';
import { checkReadConditions, etagListMatches, type ReadConditions } from './preconditions';
import { parseRange } from './range';
import type { BucketInfo, ObjectMeta, ObjectStorage, StoredChecksum } from './storage';

/** Bucket names: 3-63 characters of a-z, 0-9, dots and hyphens, starting and ending with a letter or digit. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** Keys are at most 1,024 bytes of UTF-8 (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html). */
export const MAX_KEY_BYTES = 1024;
/** DeleteObjects takes at most 1,000 keys (API_DeleteObjects.html). */
export const MAX_DELETE_KEYS = 1000;
/** The canonical user id the local account's buckets are owned by (a 64-hex S3 canonical id). */
export const LOCAL_CANONICAL_USER_ID = '75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a';
/** A bucket owner's principal id as event records show it (e.g. "A2KAVF94WGHDQ6"). */
const LOCAL_OWNER_PRINCIPAL = 'A3LOCALBUCKETOWNER';

/** Headers S3 keeps with an object and answers on GET and HEAD. */
export type ObjectInput = {
  contentType?: string;
  contentEncoding?: string;
  contentDisposition?: string;
  contentLanguage?: string;
  cacheControl?: string;
  expires?: string;
  metadata: Record<string, string>;
};

export type WriteRequest = {
  body: Buffer;
  input: ObjectInput;
  claims?: IntegrityClaims;
  /** x-amz-sdk-checksum-algorithm / x-amz-checksum-algorithm without a value: S3 computes it. */
  checksumAlgorithm?: ChecksumAlgorithm;
  /** Conditional write: `*` refuses to overwrite (If-None-Match), an ETag demands it (If-Match). */
  ifNoneMatch?: string;
  ifMatch?: string;
  context?: EventContext;
};

export type ReadRequest = ReadConditions & {
  /** A `Range` header value (bytes=…). */
  range?: string;
  partNumber?: number;
};

export type ReadResult = {
  meta: ObjectMeta;
  body: Buffer;
  /** Set for a 206 answer. */
  range?: { start: number; end: number };
  partsCount?: number;
};

export type CopyRequest = {
  sourceBucket: string;
  sourceKey: string;
  /** `REPLACE` takes `input`; `COPY` (the default) keeps the source's headers and metadata. */
  metadataDirective?: 'COPY' | 'REPLACE';
  input: ObjectInput;
  checksumAlgorithm?: ChecksumAlgorithm;
  sourceConditions?: ReadConditions;
  context?: EventContext;
};

export type DeleteResult = { deleted: string[]; errors: { key: string; code: string; message: string }[] };

export type S3StoreOptions = {
  storage: ObjectStorage;
  clock: Clock;
  logger: Logger;
  region: string;
  /** Where notifications go; without it events are only logged. */
  targets?: NotificationTargets;
};

export class S3Store implements BucketTarget {
  readonly region: string;
  private readonly storage: ObjectStorage;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly uploads = new MultipartUploads<ObjectInput>();
  private readonly notifications = new Map<string, NotificationConfig>();
  private readonly generatedTags = new Map<string, Record<string, string>>();
  private readonly delivery?: NotificationDelivery;
  private sequence = 0;

  constructor(options: S3StoreOptions) {
    this.storage = options.storage;
    this.clock = options.clock;
    this.logger = options.logger;
    this.region = options.region;
    if (options.targets) this.delivery = new NotificationDelivery(options.targets, options.clock, options.logger);
  }

  // ---- BucketTarget (other local services) ----

  async putObject(bucket: string, key: string, body: Uint8Array, contentType?: string): Promise<void> {
    this.writeObject(bucket, key, { body: Buffer.from(body), input: { metadata: {}, ...(contentType ? { contentType } : {}) } });
  }

  async getObject(bucket: string, key: string): Promise<Uint8Array | undefined> {
    this.requireBucket(bucket);
    return this.storage.head(bucket, key) ? this.storage.read(bucket, key) : undefined;
  }

  // ---- Buckets ----

  /** CreateBucket; `created: false` when the caller already owned it (us-east-1's legacy 200). */
  createBucket(name: string, options: { awsGeneratedTags?: Record<string, string> } = {}): { created: boolean } {
    if (!BUCKET_NAME.test(name) || name.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(name)) {
      throw new S3Error('InvalidBucketName', 'The specified bucket is not valid.', { BucketName: name });
    }
    if (options.awsGeneratedTags) this.generatedTags.set(name, options.awsGeneratedTags);
    if (this.storage.bucket(name)) {
      // "Amazon S3 returns this error in all AWS Regions except in the North Virginia Region.
      // For legacy compatibility, if you re-create an existing bucket that you already own in
      // the North Virginia Region, Amazon S3 returns 200 OK" (API_CreateBucket.html).
      if (this.region === 'us-east-1') return { created: false };
      throw new S3Error('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', { BucketName: name });
    }
    this.storage.createBucket({ name, created: this.now(), region: this.region });
    return { created: true };
  }

  deleteBucket(name: string): void {
    this.requireBucket(name);
    if (first(this.storage.objects(name))) {
      throw new S3Error('BucketNotEmpty', 'The bucket you tried to delete is not empty', { BucketName: name });
    }
    this.uploads.dropBucket(name);
    this.notifications.delete(name);
    this.storage.deleteBucket(name);
  }

  headBucket(name: string): BucketInfo {
    return this.requireBucket(name);
  }

  listBuckets(): BucketInfo[] {
    return this.storage.listBuckets().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  // ---- Notifications ----

  /**
   * Sets a bucket's notification configuration (either CloudFormation's or the API's form),
   * replacing the previous one. Like PutBucketNotificationConfiguration, it sends
   * s3:TestEvent to queue and topic destinations unless `testEvent` is false.
   */
  setNotifications(
    bucket: string,
    config: CfnNotificationConfiguration | ApiNotificationConfiguration | NotificationConfig | undefined,
    options: { testEvent?: boolean; context?: EventContext } = {},
  ): NotificationConfig {
    this.requireBucket(bucket);
    const rules = Array.isArray(config) ? config : notificationRules(config);
    this.notifications.set(bucket, rules);
    this.logger.info(`notifications for ${bucket}: ${rules.map((r) => `${r.events.join(',')} -> ${r.arn}`).join('; ') || 'none'}`);
    if (options.testEvent !== false && this.delivery) {
      const context = options.context ?? this.internalContext();
      this.delivery.deliverTestEvents(rules, bucket, context.requestId, context.hostId);
    }
    return rules;
  }

  getNotifications(bucket: string): NotificationConfig {
    this.requireBucket(bucket);
    return this.notifications.get(bucket) ?? [];
  }

  /** Resolves when every notification sent so far has been delivered (or failed and been logged). */
  notificationsSettled(): Promise<void> {
    return this.delivery?.settled() ?? Promise.resolve();
  }

  // ---- Objects ----

  writeObject(bucket: string, key: string, request: WriteRequest, eventName: S3EventName = 'ObjectCreated:Put'): ObjectMeta {
    this.requireBucket(bucket);
    checkKey(key);
    this.checkWriteConditions(bucket, key, request);
    verifyIntegrity(request.body, request.claims ?? {});
    const provided = request.claims?.checksum;
    const algorithm = provided?.algorithm ?? request.checksumAlgorithm;
    const checksum: StoredChecksum | undefined = algorithm
      ? { algorithm, type: 'FULL_OBJECT', value: provided?.value ?? checksumBase64(algorithm, request.body) }
      : undefined;
    const meta = this.objectMeta(key, request.body, request.input, objectEtag(request.body), checksum);
    this.storage.write(bucket, meta, request.body);
    this.emit(bucket, eventName, meta, request.context);
    return meta;
  }

  readObject(bucket: string, key: string, request: ReadRequest = {}): ReadResult {
    const meta = this.headObject(bucket, key, request);
    const body = this.storage.read(bucket, key);
    if (request.partNumber !== undefined) {
      checkPartNumber(request.partNumber);
      const sizes = meta.partSizes ?? [meta.size];
      if (request.partNumber > sizes.length) {
        throw new S3Error('InvalidPartNumber', 'The requested partnumber is not satisfiable', { PartNumberRequested: request.partNumber, ActualPartCount: sizes.length });
      }
      const start = sizes.slice(0, request.partNumber - 1).reduce((sum, size) => sum + size, 0);
      const end = start + sizes[request.partNumber - 1]! - 1;
      return { meta, body: body.subarray(start, end + 1), range: { start, end }, partsCount: sizes.length };
    }
    const range = request.range ? parseRange(request.range, meta.size) : undefined;
    if (range) return { meta, body: body.subarray(range.start, range.end + 1), range };
    return { meta, body };
  }

  headObject(bucket: string, key: string, conditions: ReadConditions = {}): ObjectMeta {
    this.requireBucket(bucket);
    const meta = this.storage.head(bucket, key);
    if (!meta) throw noSuchKey(key);
    checkReadConditions(meta, conditions);
    return meta;
  }

  /** DeleteObject: succeeds whether or not the key exists (S3 answers 204 either way). */
  deleteObject(bucket: string, key: string, context?: EventContext): boolean {
    this.requireBucket(bucket);
    const meta = this.storage.head(bucket, key);
    if (!meta) return false;
    this.storage.remove(bucket, key);
    this.emit(bucket, 'ObjectRemoved:Delete', { key }, context);
    return true;
  }

  deleteObjects(bucket: string, keys: string[], context?: EventContext): DeleteResult {
    this.requireBucket(bucket);
    if (keys.length === 0 || keys.length > MAX_DELETE_KEYS) {
      throw new S3Error('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', {}, `DeleteObjects takes 1 to ${MAX_DELETE_KEYS} keys, got ${keys.length}`);
    }
    const result: DeleteResult = { deleted: [], errors: [] };
    for (const key of keys) {
      this.deleteObject(bucket, key, context);
      result.deleted.push(key);
    }
    return result;
  }

  copyObject(bucket: string, key: string, request: CopyRequest): ObjectMeta {
    this.requireBucket(bucket);
    checkKey(key);
    const source = this.headObject(request.sourceBucket, request.sourceKey, request.sourceConditions ?? {});
    const replace = request.metadataDirective === 'REPLACE';
    if (request.sourceBucket === bucket && request.sourceKey === key && !replace && !request.checksumAlgorithm) {
      throw invalidRequest(
        "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
      );
    }
    const body = this.storage.read(request.sourceBucket, request.sourceKey);
    const input = replace ? request.input : inputOf(source);
    const algorithm = request.checksumAlgorithm ?? source.checksum?.algorithm;
    const checksum: StoredChecksum | undefined = algorithm ? { algorithm, type: 'FULL_OBJECT', value: checksumBase64(algorithm, body) } : undefined;
    const meta = this.objectMeta(key, body, input, objectEtag(body), checksum);
    this.storage.write(bucket, meta, body);
    this.emit(bucket, 'ObjectCreated:Copy', meta, request.context);
    return meta;
  }

  listObjects(bucket: string, request: ListRequest): ListPage<ObjectMeta> {
    this.requireBucket(bucket);
    try {
      return listPage(this.storage.objects(bucket), request);
    } catch (error) {
      if ((error as Error).name === 'InvalidContinuationToken') {
        throw new S3Error('InvalidArgument', 'The continuation token provided is incorrect', {
          ArgumentName: 'continuation-token',
          ArgumentValue: request.continuationToken ?? '',
        });
      }
      throw error;
    }
  }

  // ---- Multipart uploads ----

  createMultipartUpload(
    bucket: string,
    key: string,
    input: ObjectInput,
    checksum?: { algorithm: ChecksumAlgorithm; type?: string },
  ): Upload<ObjectInput> {
    this.requireBucket(bucket);
    checkKey(key);
    const uploadChecksum = checksum ? { algorithm: checksum.algorithm, type: checksumTypeFor(checksum.algorithm, checksum.type) } : undefined;
    return this.uploads.create(bucket, key, input, this.now(), uploadChecksum);
  }

  uploadPart(bucket: string, key: string, uploadId: string, partNumber: number, body: Buffer, claims: IntegrityClaims = {}): UploadPart {
    this.requireBucket(bucket);
    const upload = this.uploads.get(bucket, key, uploadId);
    checkPartNumber(partNumber);
    verifyIntegrity(body, claims);
    return this.uploads.uploadPart(upload, partNumber, body, this.now(), claims.checksum);
  }

  completeMultipartUpload(
    bucket: string,
    key: string,
    uploadId: string,
    parts: CompletedPart[],
    options: { fullObjectChecksum?: { algorithm: ChecksumAlgorithm; value: string }; context?: EventContext } = {},
  ): ObjectMeta {
    this.requireBucket(bucket);
    const upload = this.uploads.get(bucket, key, uploadId);
    const done = this.uploads.complete(upload, parts);
    const claimed = options.fullObjectChecksum;
    if (claimed && done.checksum?.type === 'FULL_OBJECT' && claimed.algorithm === done.checksum.algorithm && claimed.value !== done.checksum.value) {
      throw new S3Error('BadDigest', `The ${claimed.algorithm} you specified did not match the calculated checksum.`);
    }
    const meta = { ...this.objectMeta(key, done.body, upload.input, done.etag, done.checksum), partSizes: done.partSizes };
    this.storage.write(bucket, meta, done.body);
    this.emit(bucket, 'ObjectCreated:CompleteMultipartUpload', meta, options.context);
    return meta;
  }

  abortMultipartUpload(bucket: string, key: string, uploadId: string): void {
    this.requireBucket(bucket);
    this.uploads.abort(bucket, key, uploadId);
  }

  getUpload(bucket: string, key: string, uploadId: string): Upload<ObjectInput> {
    this.requireBucket(bucket);
    return this.uploads.get(bucket, key, uploadId);
  }

  listMultipartUploads(bucket: string): Upload<ObjectInput>[] {
    this.requireBucket(bucket);
    return this.uploads.list(bucket).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.initiated - b.initiated));
  }

  /** Request and host ids for work that no HTTP request started (writes from other services). */
  internalContext(): EventContext {
    return { requestId: newRequestId(), hostId: newHostId(), sourceIp: '127.0.0.1', principalId: `AWS:${LOCAL_IAM_USER_ID}` };
  }

  private requireBucket(name: string): BucketInfo {
    const bucket = this.storage.bucket(name);
    if (!bucket) throw noSuchBucket(name);
    return bucket;
  }

  private checkWriteConditions(bucket: string, key: string, request: WriteRequest): void {
    const existing = this.storage.head(bucket, key);
    if (request.ifNoneMatch !== undefined && existing && (request.ifNoneMatch.trim() === '*' || etagListMatches(request.ifNoneMatch, existing.etag))) {
      throw new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { Condition: 'If-None-Match' });
    }
    if (request.ifMatch !== undefined) {
      if (!existing) throw noSuchKey(key);
      if (!etagListMatches(request.ifMatch, existing.etag)) {
        throw new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { Condition: 'If-Match' });
      }
    }
  }

  private objectMeta(key: string, body: Buffer, input: ObjectInput, etag: string, checksum?: StoredChecksum): ObjectMeta {
    return {
      key,
      size: body.length,
      etag,
      // Last-Modified has whole seconds; listings show them with ".000".
      lastModified: Math.floor(this.now() / 1000) * 1000,
      contentType: input.contentType ?? 'binary/octet-stream',
      ...(input.contentEncoding ? { contentEncoding: input.contentEncoding } : {}),
      ...(input.contentDisposition ? { contentDisposition: input.contentDisposition } : {}),
      ...(input.contentLanguage ? { contentLanguage: input.contentLanguage } : {}),
      ...(input.cacheControl ? { cacheControl: input.cacheControl } : {}),
      ...(input.expires ? { expires: input.expires } : {}),
      metadata: { ...input.metadata },
      ...(checksum ? { checksum } : {}),
    };
  }

  private emit(bucket: string, eventName: S3EventName, meta: Pick<ObjectMeta, 'key'> & Partial<ObjectMeta>, context = this.internalContext()): void {
    this.sequence += 1;
    // A hexadecimal string that grows with every event (notification-content-structure.html).
    const sequencer = (BigInt(this.now()) * 1000n + BigInt(this.sequence % 1000)).toString(16).toUpperCase().padStart(18, '0');
    const config = this.notifications.get(bucket);
    if (!config?.length || !this.delivery) return;
    const identity: BucketIdentity = {
      region: this.region,
      ownerPrincipalId: LOCAL_OWNER_PRINCIPAL,
      ...(this.generatedTags.has(bucket) ? { awsGeneratedTags: this.generatedTags.get(bucket)! } : {}),
    };
    this.delivery.deliver(
      config,
      {
        bucket,
        eventName,
        key: meta.key,
        ...(meta.size !== undefined ? { size: meta.size } : {}),
        ...(meta.etag !== undefined ? { etag: unquote(meta.etag) } : {}),
        sequencer,
        context,
      },
      identity,
    );
  }

  private now(): number {
    return this.clock.now();
  }
}

export function inputOf(meta: ObjectMeta): ObjectInput {
  return {
    contentType: meta.contentType,
    ...(meta.contentEncoding ? { contentEncoding: meta.contentEncoding } : {}),
    ...(meta.contentDisposition ? { contentDisposition: meta.contentDisposition } : {}),
    ...(meta.contentLanguage ? { contentLanguage: meta.contentLanguage } : {}),
    ...(meta.cacheControl ? { cacheControl: meta.cacheControl } : {}),
    ...(meta.expires ? { expires: meta.expires } : {}),
    metadata: { ...meta.metadata },
  };
}

function checkKey(key: string): void {
  if (key.length === 0) throw new S3Error('InvalidArgument', 'Key must not be empty', { ArgumentName: 'key', ArgumentValue: '' });
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) {
    throw new S3Error('InvalidArgument', 'Your key is too long', { ArgumentName: 'key', ArgumentValue: key.slice(0, 64) });
  }
}

function first<T>(items: Iterable<T>): T | undefined {
  for (const item of items) return item;
  return undefined;
}

export type { CompletedPart, UploadPart, Upload };

export type { ReadConditions };
