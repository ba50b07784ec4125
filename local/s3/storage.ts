// Where objects live: in memory, or under `<dataDir>/s3/<bucket>/` with each object's bytes
// and its metadata side by side:
//
//   <dataDir>/s3/<bucket>/@bucket.json            creation date and region
//   <dataDir>/s3/<bucket>/<name>@object           the bytes, as stored
//   <dataDir>/s3/<bucket>/<name>@meta.json        key, ETag, content type, x-amz-meta-*, checksum
//
// <name> is the key percent-encoded except for [a-z0-9._-] (so slashes, unicode and upper
// case are safe on every file system, case-insensitive ones included, and "." or ".." cannot
// escape the folder), or `~<sha256 of the key>` when that would be too long for a file name.
// The metadata file holds the real key, so listings never decode file names. Writes go to a
// temporary file first and are renamed into place. No S3 rule lives here.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChecksumAlgorithm, ChecksumType } from './checksums';

export type StoredChecksum = { algorithm: ChecksumAlgorithm; value: string; type: ChecksumType };

/** Everything S3 keeps about an object besides its bytes. */
export type ObjectMeta = {
  key: string;
  size: number;
  /** With its quotes, as S3 sends it: `"<md5 hex>"` or `"<hex>-<parts>"`. */
  etag: string;
  /** Milliseconds since the epoch. */
  lastModified: number;
  contentType: string;
  contentEncoding?: string;
  contentDisposition?: string;
  contentLanguage?: string;
  cacheControl?: string;
  expires?: string;
  /** x-amz-meta-* without the prefix, names lower-cased. */
  metadata: Record<string, string>;
  checksum?: StoredChecksum;
  /** Sizes of the parts of a multipart object, in order. */
  partSizes?: number[];
};

export type BucketInfo = { name: string; created: number; region: string };

export interface ObjectStorage {
  listBuckets(): BucketInfo[];
  bucket(name: string): BucketInfo | undefined;
  createBucket(info: BucketInfo): void;
  deleteBucket(name: string): void;
  /** Object metadata of a bucket, in no particular order. */
  objects(bucket: string): Iterable<ObjectMeta>;
  head(bucket: string, key: string): ObjectMeta | undefined;
  read(bucket: string, key: string): Buffer;
  write(bucket: string, meta: ObjectMeta, body: Buffer): void;
  remove(bucket: string, key: string): void;
}

type BucketState = { info: BucketInfo; objects: Map<string, ObjectMeta> };

/** Keeps everything in this process. */
export class MemoryStorage implements ObjectStorage {
  protected readonly buckets = new Map<string, BucketState>();
  private readonly bodies = new Map<string, Map<string, Buffer>>();

  listBuckets(): BucketInfo[] {
    return [...this.buckets.values()].map((b) => b.info);
  }

  bucket(name: string): BucketInfo | undefined {
    return this.buckets.get(name)?.info;
  }

  createBucket(info: BucketInfo): void {
    this.buckets.set(info.name, { info, objects: new Map() });
    this.bodies.set(info.name, new Map());
  }

  deleteBucket(name: string): void {
    this.buckets.delete(name);
    this.bodies.delete(name);
  }

  objects(bucket: string): Iterable<ObjectMeta> {
    return this.buckets.get(bucket)?.objects.values() ?? [];
  }

  head(bucket: string, key: string): ObjectMeta | undefined {
    return this.buckets.get(bucket)?.objects.get(key);
  }

  read(bucket: string, key: string): Buffer {
    const body = this.bodies.get(bucket)?.get(key);
    if (!body) throw new Error(`s3://${bucket}/${key} has no stored body`);
    return body;
  }

  write(bucket: string, meta: ObjectMeta, body: Buffer): void {
    this.buckets.get(bucket)?.objects.set(meta.key, meta);
    this.bodies.get(bucket)?.set(meta.key, body);
  }

  remove(bucket: string, key: string): void {
    this.buckets.get(bucket)?.objects.delete(key);
    this.bodies.get(bucket)?.delete(key);
  }
}

const BUCKET_FILE = '@bucket.json';
const OBJECT_SUFFIX = '@object';
const META_SUFFIX = '@meta.json';
/** File names are at most 255 bytes on common file systems; leave room for the suffix. */
const MAX_ENCODED_NAME = 240;

/** Keeps objects under `<root>/<bucket>/`; metadata is also indexed in memory. */
export class FileStorage implements ObjectStorage {
  private readonly index = new Map<string, BucketState>();

  constructor(private readonly root: string) {
    mkdirSync(root, { recursive: true });
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = join(root, entry.name);
      const infoFile = join(dir, BUCKET_FILE);
      const info: BucketInfo = existsSync(infoFile)
        ? (JSON.parse(readFileSync(infoFile, 'utf8')) as BucketInfo)
        : { name: entry.name, created: Date.now(), region: 'us-east-1' };
      const objects = new Map<string, ObjectMeta>();
      for (const file of readdirSync(dir)) {
        if (!file.endsWith(META_SUFFIX)) continue;
        const meta = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ObjectMeta;
        objects.set(meta.key, meta);
      }
      this.index.set(info.name, { info: { ...info, name: entry.name }, objects });
    }
  }

  listBuckets(): BucketInfo[] {
    return [...this.index.values()].map((b) => b.info);
  }

  bucket(name: string): BucketInfo | undefined {
    return this.index.get(name)?.info;
  }

  createBucket(info: BucketInfo): void {
    const dir = join(this.root, info.name);
    mkdirSync(dir, { recursive: true });
    writeAtomically(join(dir, BUCKET_FILE), JSON.stringify(info));
    this.index.set(info.name, { info, objects: new Map() });
  }

  deleteBucket(name: string): void {
    rmSync(join(this.root, name), { recursive: true, force: true });
    this.index.delete(name);
  }

  objects(bucket: string): Iterable<ObjectMeta> {
    return this.index.get(bucket)?.objects.values() ?? [];
  }

  head(bucket: string, key: string): ObjectMeta | undefined {
    return this.index.get(bucket)?.objects.get(key);
  }

  read(bucket: string, key: string): Buffer {
    return readFileSync(this.file(bucket, key, OBJECT_SUFFIX));
  }

  write(bucket: string, meta: ObjectMeta, body: Buffer): void {
    writeAtomically(this.file(bucket, meta.key, OBJECT_SUFFIX), body);
    writeAtomically(this.file(bucket, meta.key, META_SUFFIX), JSON.stringify(meta));
    this.index.get(bucket)?.objects.set(meta.key, meta);
  }

  remove(bucket: string, key: string): void {
    rmSync(this.file(bucket, key, META_SUFFIX), { force: true });
    rmSync(this.file(bucket, key, OBJECT_SUFFIX), { force: true });
    this.index.get(bucket)?.objects.delete(key);
  }

  /** The suffix goes on before joining: join() would fold a key of "." or ".." into the path. */
  private file(bucket: string, key: string, suffix: string): string {
    return join(this.root, bucket, objectFileName(key) + suffix);
  }
}

/** The file name (without suffix) an object's files get. */
export function objectFileName(key: string): string {
  let encoded = '';
  for (const byte of Buffer.from(key, 'utf8')) {
    const c = String.fromCharCode(byte);
    encoded += /[a-z0-9._-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded.length <= MAX_ENCODED_NAME ? encoded : `~${createHash('sha256').update(key).digest('hex')}`;
}

function writeAtomically(path: string, data: string | Buffer): void {
  const temporary = `${path}.tmp-${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}
