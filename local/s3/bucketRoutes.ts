// Bucket operations on the wire: ListBuckets, CreateBucket, HeadBucket, DeleteBucket,
// GetBucketLocation, ListObjectsV2, ListObjects, ListMultipartUploads and
// Get/PutBucketNotificationConfiguration.
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html
import { invalidArgument, malformedXml, S3Error } from './errors';
import { eventKey, type ApiNotificationConfiguration, type NotificationRule } from './notifications';
import { LOCAL_CANONICAL_USER_ID, type S3Store } from './store';
import { queryValue, xmlDate, type S3Request, type S3Response } from './wire';
import { child, childrenNamed, childText, escapeXml, parseXml, S3_XMLNS, XML_DECLARATION, xmlDocument, XmlParseError, type XmlNode } from './xml';

const XML = { 'content-type': 'application/xml' };
const OWNER = { ID: LOCAL_CANONICAL_USER_ID, DisplayName: 'local-developer' };

export function listBuckets(store: S3Store): S3Response {
  const buckets = store.listBuckets().map((b) => ({ Name: b.name, CreationDate: xmlDate(b.created), BucketRegion: b.region }));
  return { status: 200, headers: XML, body: xmlDocument('ListAllMyBucketsResult', { Owner: OWNER, Buckets: { Bucket: buckets } }) };
}

export function createBucket(store: S3Store, request: S3Request): S3Response {
  if (request.body.length > 0) {
    const root = parseBody(request.body);
    const constraint = childText(root, 'LocationConstraint')?.trim();
    if (constraint && constraint !== store.region) {
      throw new S3Error('InvalidLocationConstraint', 'The specified location-constraint is not valid', { LocationConstraint: constraint });
    }
  }
  store.createBucket(request.bucket!);
  return { status: 200, headers: { location: `/${request.bucket}` } };
}

export function headBucket(store: S3Store, request: S3Request): S3Response {
  const bucket = store.headBucket(request.bucket!);
  return { status: 200, headers: { 'x-amz-bucket-region': bucket.region, 'x-amz-access-point-alias': 'false' } };
}

export function deleteBucket(store: S3Store, request: S3Request): S3Response {
  store.deleteBucket(request.bucket!);
  return { status: 204 };
}

/** us-east-1 answers an empty LocationConstraint (API_GetBucketLocation.html). */
export function getBucketLocation(store: S3Store, request: S3Request): S3Response {
  const bucket = store.headBucket(request.bucket!);
  const region = bucket.region === 'us-east-1' ? '' : bucket.region;
  return { status: 200, headers: XML, body: `${XML_DECLARATION}<LocationConstraint xmlns="${S3_XMLNS}">${escapeXml(region)}</LocationConstraint>` };
}

export function listObjects(store: S3Store, request: S3Request, version: 1 | 2): S3Response {
  const prefix = queryValue(request, 'prefix');
  const delimiter = queryValue(request, 'delimiter');
  const encodingType = queryValue(request, 'encoding-type');
  if (encodingType !== undefined && encodingType !== 'url') throw invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', encodingType);
  const maxKeysText = queryValue(request, 'max-keys');
  if (maxKeysText !== undefined && !/^\d+$/.test(maxKeysText)) throw invalidArgument('Provided max-keys not an integer or within integer range', 'max-keys', maxKeysText);
  const maxKeys = maxKeysText === undefined ? 1000 : Number(maxKeysText);
  const startAfter = version === 2 ? queryValue(request, 'start-after') : queryValue(request, 'marker');
  const continuationToken = version === 2 ? queryValue(request, 'continuation-token') : undefined;
  const page = store.listObjects(request.bucket!, { prefix, delimiter, maxKeys, startAfter, continuationToken });
  // With encoding-type=url, keys and prefixes come back URL-encoded (API_ListObjectsV2.html),
  // form-style as in event records (botocore decodes them with unquote_plus).
  const encode = (text: string | undefined) => (text === undefined ? undefined : encodingType === 'url' ? eventKey(text) : text);
  const fetchOwner = version === 1 || queryValue(request, 'fetch-owner') === 'true';
  const contents = page.contents.map((meta) => ({
    Key: encode(meta.key),
    LastModified: xmlDate(meta.lastModified),
    ETag: meta.etag,
    ChecksumAlgorithm: meta.checksum?.algorithm,
    ChecksumType: meta.checksum?.type,
    Size: meta.size,
    Owner: fetchOwner ? OWNER : undefined,
    StorageClass: 'STANDARD',
  }));
  const common = page.commonPrefixes.map((p) => ({ Prefix: encode(p) }));
  const body =
    version === 2
      ? xmlDocument('ListBucketResult', {
          Name: request.bucket!,
          Prefix: encode(prefix) ?? '',
          Delimiter: encode(delimiter),
          MaxKeys: maxKeys,
          EncodingType: encodingType,
          KeyCount: contents.length + common.length,
          IsTruncated: page.isTruncated,
          ContinuationToken: continuationToken,
          NextContinuationToken: page.nextContinuationToken,
          StartAfter: encode(startAfter),
          Contents: contents,
          CommonPrefixes: common,
        })
      : xmlDocument('ListBucketResult', {
          Name: request.bucket!,
          Prefix: encode(prefix) ?? '',
          Marker: encode(startAfter) ?? '',
          // NextMarker is only given with a delimiter; otherwise the last key is the marker (API_ListObjects.html).
          NextMarker: page.isTruncated && delimiter ? encode(page.lastReturned) : undefined,
          MaxKeys: maxKeys,
          Delimiter: encode(delimiter),
          EncodingType: encodingType,
          IsTruncated: page.isTruncated,
          Contents: contents,
          CommonPrefixes: common,
        });
  return { status: 200, headers: XML, body };
}

export function listMultipartUploads(store: S3Store, request: S3Request): S3Response {
  const prefix = queryValue(request, 'prefix') ?? '';
  const uploads = store.listMultipartUploads(request.bucket!).filter((u) => u.key.startsWith(prefix));
  return {
    status: 200,
    headers: XML,
    body: xmlDocument('ListMultipartUploadsResult', {
      Bucket: request.bucket!,
      KeyMarker: '',
      UploadIdMarker: '',
      Prefix: prefix,
      MaxUploads: 1000,
      IsTruncated: false,
      Upload: uploads.map((u) => ({
        Key: u.key,
        UploadId: u.uploadId,
        Initiator: OWNER,
        Owner: OWNER,
        StorageClass: 'STANDARD',
        Initiated: xmlDate(u.initiated),
        ChecksumAlgorithm: u.checksum?.algorithm,
        ChecksumType: u.checksum?.type,
      })),
    }),
  };
}

/**
 * PUT /bucket?notification. The XML names differ from the JSON ones: TopicConfiguration /
 * Topic, QueueConfiguration / Queue, CloudFunctionConfiguration / CloudFunction, Event
 * repeated, Filter/S3Key/FilterRule (API_PutBucketNotificationConfiguration.html).
 */
export function putBucketNotification(store: S3Store, request: S3Request): S3Response {
  const root = parseBody(request.body);
  if (root.name !== 'NotificationConfiguration') throw malformedXml('the root element is not <NotificationConfiguration>');
  const filterOf = (node: XmlNode) => {
    const rules = childrenNamed(child(child(node, 'Filter') ?? node, 'S3Key') ?? node, 'FilterRule');
    return child(node, 'Filter') ? { Key: { FilterRules: rules.map((r) => ({ Name: childText(r, 'Name') ?? '', Value: childText(r, 'Value') ?? '' })) } } : undefined;
  };
  const events = (node: XmlNode) => childrenNamed(node, 'Event').map((e) => e.text.trim());
  const config: ApiNotificationConfiguration = {
    TopicConfigurations: childrenNamed(root, 'TopicConfiguration').map((n) => ({ Id: childText(n, 'Id'), TopicArn: childText(n, 'Topic') ?? '', Events: events(n), Filter: filterOf(n) })),
    QueueConfigurations: childrenNamed(root, 'QueueConfiguration').map((n) => ({ Id: childText(n, 'Id'), QueueArn: childText(n, 'Queue') ?? '', Events: events(n), Filter: filterOf(n) })),
    LambdaFunctionConfigurations: childrenNamed(root, 'CloudFunctionConfiguration').map((n) => ({
      Id: childText(n, 'Id'),
      LambdaFunctionArn: childText(n, 'CloudFunction') ?? '',
      Events: events(n),
      Filter: filterOf(n),
    })),
  };
  const skipTest = request.headers['x-amz-skip-destination-validation'] === 'true';
  store.setNotifications(request.bucket!, config, { testEvent: !skipTest, context: request.context });
  return { status: 200 };
}

export function getBucketNotification(store: S3Store, request: S3Request): S3Response {
  const rules = store.getNotifications(request.bucket!);
  const entry = (rule: NotificationRule, arnElement: string) => ({
    Id: rule.id,
    [arnElement]: rule.arn,
    Event: rule.events,
    Filter:
      rule.prefix === undefined && rule.suffix === undefined
        ? undefined
        : {
            S3Key: {
              FilterRule: [
                ...(rule.prefix !== undefined ? [{ Name: 'Prefix', Value: rule.prefix }] : []),
                ...(rule.suffix !== undefined ? [{ Name: 'Suffix', Value: rule.suffix }] : []),
              ],
            },
          },
  });
  return {
    status: 200,
    headers: XML,
    body: xmlDocument('NotificationConfiguration', {
      TopicConfiguration: rules.filter((r) => r.kind === 'topic').map((r) => entry(r, 'Topic')),
      QueueConfiguration: rules.filter((r) => r.kind === 'queue').map((r) => entry(r, 'Queue')),
      CloudFunctionConfiguration: rules.filter((r) => r.kind === 'function').map((r) => entry(r, 'CloudFunction')),
    }),
  };
}

export function parseBody(body: Buffer): XmlNode {
  try {
    return parseXml(body.toString('utf8'));
  } catch (error) {
    if (error instanceof XmlParseError) throw malformedXml(error.message);
    throw error;
  }
}
