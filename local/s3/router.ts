// The S3 REST wire: finds the bucket and key (path-style `/bucket/key`, or virtual-hosted
// `bucket.localhost:port/key`), reads and de-chunks the body, checks the signature, picks the
// operation from method, key and query, and writes the answer or S3's XML error.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html
// https://docs.aws.amazon.com/AmazonS3/latest/API/RESTAPI.html
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, type RequestHandler } from '../shared/httpServer';
import type { Logger } from '../shared/logger';
import { parseQuery, type S3Authenticator, type S3Caller } from './auth';
import * as buckets from './bucketRoutes';
import { ChunkedBodyError, decodeAwsChunked } from './chunked';
import { notImplemented, S3Error } from './errors';
import * as multipart from './multipartRoutes';
import * as objects from './objectRoutes';
import { newHostId, newRequestId } from './ids';
import type { S3Store } from './store';
import { hasQuery, type S3Request, type S3Response } from './wire';

/** The largest body held in memory for one request (a local limit; S3's single PUT takes 5 GB). */
export const MAX_REQUEST_BODY_BYTES = 512 * 1024 * 1024;

/** Bucket sub-resources S3 has that the local S3 does not implement: they answer NotImplemented. */
const UNSUPPORTED_BUCKET_SUBRESOURCES = [
  'acl', 'analytics', 'accelerate', 'cors', 'encryption', 'intelligent-tiering', 'inventory', 'lifecycle', 'logging',
  'metrics', 'object-lock', 'ownershipControls', 'policy', 'policyStatus', 'publicAccessBlock', 'replication',
  'requestPayment', 'tagging', 'website', 'versions',
];

export type S3RouterOptions = {
  store: S3Store;
  auth: S3Authenticator;
  logger: Logger;
  /** Host suffixes that carry the bucket in the Host header: `<bucket>.localhost`. */
  virtualHostSuffixes: readonly string[];
  maxBodyBytes?: number;
};

export function s3Router(options: S3RouterOptions): RequestHandler {
  return async (req, res) => {
    const requestId = newRequestId();
    const hostId = newHostId();
    let resource = '/';
    let head = req.method === 'HEAD';
    try {
      const target = locate(req, options.virtualHostSuffixes);
      resource = target.bucket ? `/${target.bucket}${target.key !== undefined ? `/${target.key}` : ''}` : '/';
      const rawBody = await readBody(req, options.maxBodyBytes ?? MAX_REQUEST_BODY_BYTES);
      const headers = lowerCaseHeaders(req);
      const caller = await options.auth.authenticate({ method: req.method ?? 'GET', path: target.rawPath, query: target.rawQuery, headers });
      const { body, trailers, decodedContentLength } = payloadOf(rawBody, headers, caller, options.auth);
      const request: S3Request = {
        method: req.method ?? 'GET',
        ...(target.bucket ? { bucket: target.bucket } : {}),
        ...(target.key !== undefined ? { key: target.key } : {}),
        query: parseQuery(target.rawQuery),
        headers,
        body,
        trailers,
        caller,
        context: { requestId, hostId, sourceIp: clientIp(req), principalId: `AWS:${caller.principal.username}` },
        resource,
        origin: `http://${req.headers.host ?? '127.0.0.1'}`,
        virtualHosted: target.virtualHosted,
        ...(decodedContentLength !== undefined ? { decodedContentLength } : {}),
      };
      head = request.method === 'HEAD';
      const response = dispatch(options.store, request);
      options.logger.debug(`${request.method} ${resource} -> ${response.status}`);
      write(res, response, requestId, hostId, head);
    } catch (error) {
      const s3Error = asS3Error(error, options.logger, `${req.method} ${resource}`);
      if (s3Error.reason) options.logger.info(`${req.method} ${resource}: ${s3Error.code} (${s3Error.reason})`);
      else options.logger.debug(`${req.method} ${resource}: ${s3Error.code}`);
      const withBody = !head && s3Error.code !== 'NotModified';
      write(
        res,
        {
          status: s3Error.status,
          headers: withBody ? { 'content-type': 'application/xml' } : {},
          ...(withBody ? { body: s3Error.toXml(resource, requestId, hostId) } : {}),
        },
        requestId,
        hostId,
        head,
      );
    }
  };
}

/** Which operation a request is: REST verb, whether a bucket and a key are named, sub-resources. */
function dispatch(store: S3Store, request: S3Request): S3Response {
  const { method, bucket, key } = request;
  if (!bucket) {
    if (method === 'GET') return buckets.listBuckets(store);
    throw new S3Error('MethodNotAllowed', 'The specified method is not allowed against this resource.', { Method: method, ResourceType: 'SERVICE' });
  }
  if (key === undefined) {
    const unsupported = UNSUPPORTED_BUCKET_SUBRESOURCES.find((name) => hasQuery(request, name));
    if (unsupported) throw notImplemented(`the ?${unsupported} sub-resource`);
    switch (method) {
      case 'PUT':
        if (hasQuery(request, 'notification')) return buckets.putBucketNotification(store, request);
        return buckets.createBucket(store, request);
      case 'HEAD':
        return buckets.headBucket(store, request);
      case 'DELETE':
        return buckets.deleteBucket(store, request);
      case 'POST':
        if (hasQuery(request, 'delete')) return objects.deleteObjects(store, request);
        break;
      case 'GET':
        if (hasQuery(request, 'location')) return buckets.getBucketLocation(store, request);
        if (hasQuery(request, 'notification')) return buckets.getBucketNotification(store, request);
        if (hasQuery(request, 'uploads')) return buckets.listMultipartUploads(store, request);
        if (hasQuery(request, 'versioning')) {
          store.headBucket(bucket);
          return { status: 200, headers: { 'content-type': 'application/xml' }, body: '<?xml version="1.0" encoding="UTF-8"?>\n<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>' };
        }
        return buckets.listObjects(store, request, request.query.get('list-type')?.[0] === '2' ? 2 : 1);
    }
    throw new S3Error('MethodNotAllowed', 'The specified method is not allowed against this resource.', { Method: method, ResourceType: 'BUCKET' });
  }
  switch (method) {
    case 'PUT':
      if (hasQuery(request, 'uploadId')) {
        return request.headers['x-amz-copy-source'] !== undefined ? multipart.uploadPartCopy(store, request) : multipart.uploadPart(store, request);
      }
      if (hasQuery(request, 'tagging') || hasQuery(request, 'acl') || hasQuery(request, 'retention') || hasQuery(request, 'legal-hold')) {
        throw notImplemented('object sub-resources');
      }
      if (request.headers['x-amz-copy-source'] !== undefined) return objects.copyObject(store, request);
      return objects.putObject(store, request);
    case 'GET':
      if (hasQuery(request, 'uploadId')) return multipart.listParts(store, request);
      if (hasQuery(request, 'tagging') || hasQuery(request, 'acl') || hasQuery(request, 'attributes')) throw notImplemented('object sub-resources');
      return objects.getObject(store, request, false);
    case 'HEAD':
      return objects.getObject(store, request, true);
    case 'DELETE':
      if (hasQuery(request, 'uploadId')) return multipart.abortMultipartUpload(store, request);
      return objects.deleteObject(store, request);
    case 'POST':
      if (hasQuery(request, 'uploads')) return multipart.createMultipartUpload(store, request);
      if (hasQuery(request, 'uploadId')) return multipart.completeMultipartUpload(store, request);
      break;
  }
  throw new S3Error('MethodNotAllowed', 'The specified method is not allowed against this resource.', { Method: method, ResourceType: 'OBJECT' });
}

type Target = { bucket?: string; key?: string; rawPath: string; rawQuery: string; virtualHosted: boolean };

/** Bucket and key from the Host header (virtual-hosted) or the first path segment (path-style). */
export function locate(req: Pick<IncomingMessage, 'url' | 'headers'>, virtualHostSuffixes: readonly string[]): Target {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  const rawQuery = q < 0 ? '' : url.slice(q + 1);
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  const suffix = virtualHostSuffixes.find((s) => host.endsWith(`.${s}`));
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      throw new S3Error('InvalidURI', "Couldn't parse the specified URI.");
    }
  };
  if (suffix) {
    const bucket = host.slice(0, -(suffix.length + 1));
    const keyPart = rawPath.slice(1);
    return { bucket, ...(keyPart ? { key: decode(keyPart) } : {}), rawPath, rawQuery, virtualHosted: true };
  }
  const withoutSlash = rawPath.slice(1);
  if (!withoutSlash) return { rawPath, rawQuery, virtualHosted: false };
  const slash = withoutSlash.indexOf('/');
  if (slash < 0) return { bucket: decode(withoutSlash), rawPath, rawQuery, virtualHosted: false };
  const bucket = decode(withoutSlash.slice(0, slash));
  const keyPart = withoutSlash.slice(slash + 1);
  return { bucket, ...(keyPart ? { key: decode(keyPart) } : {}), rawPath, rawQuery, virtualHosted: false };
}

function payloadOf(
  raw: Buffer,
  headers: Record<string, string>,
  caller: S3Caller,
  auth: S3Authenticator,
): { body: Buffer; trailers: Map<string, string>; decodedContentLength?: number } {
  const chunked = caller.payload.kind === 'streaming' || (headers['content-encoding'] ?? '').split(',').some((e) => e.trim().toLowerCase() === 'aws-chunked');
  if (!chunked) return { body: raw, trailers: new Map() };
  try {
    const decoded = decodeAwsChunked(raw);
    auth.verifyChunkSignatures(caller, decoded);
    const declared = headers['x-amz-decoded-content-length'];
    return {
      body: decoded.payload,
      trailers: new Map(decoded.trailers),
      ...(declared !== undefined ? { decodedContentLength: Number(declared) } : {}),
    };
  } catch (error) {
    if (error instanceof ChunkedBodyError) {
      if (error.chunkSize) {
        throw new S3Error('InvalidChunkSizeError', error.message, { Chunk: error.chunkSize.chunk, BadChunkSize: error.chunkSize.badChunkSize });
      }
      throw new S3Error('IncompleteBody', 'The request body terminated unexpectedly', {}, error.message);
    }
    throw error;
  }
}

function write(res: ServerResponse, response: S3Response, requestId: string, hostId: string, head: boolean): void {
  const headers: Record<string, string | number> = { 'x-amz-request-id': requestId, 'x-amz-id-2': hostId, server: 'AmazonS3' };
  for (const [name, value] of Object.entries(response.headers ?? {})) if (value !== undefined) headers[name] = value;
  const body = response.body === undefined ? undefined : Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body, 'utf8');
  if (headers['content-length'] === undefined) headers['content-length'] = body?.length ?? 0;
  res.writeHead(response.status, headers);
  res.end(head || response.status === 204 || response.status === 304 ? undefined : body);
}

function asS3Error(error: unknown, logger: Logger, what: string): S3Error {
  if (error instanceof S3Error) return error;
  if (error instanceof BodyTooLargeError) {
    return new S3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.', { MaxSizeAllowed: error.limit });
  }
  logger.error(`${what} failed inside the local S3`, error);
  return new S3Error('InternalError', 'We encountered an internal error. Please try again.', {}, (error as Error).message);
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return out;
}

function clientIp(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
}
