// S3's errors: one code per failure with its HTTP status and AWS's message, written as S3's
// XML error body. The codes, statuses and messages are those of the S3 error code list
// (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList) unless
// a comment names another source; the extra elements (Key, BucketName, AWSAccessKeyId, …) are
// the ones real S3 answers carry.
//
//   <?xml version="1.0" encoding="UTF-8"?>
//   <Error><Code>NoSuchKey</Code><Message>…</Message><Key>…</Key><Resource>/b/k</Resource>
//   <RequestId>4442587FB7D0A2F9</RequestId><HostId>…</HostId></Error>
import { XML_DECLARATION, xmlElements, type XmlChildren } from './xml';

export type S3ErrorCode =
  | 'AccessDenied'
  | 'AuthorizationHeaderMalformed'
  | 'AuthorizationQueryParametersError'
  | 'BadDigest'
  | 'BucketAlreadyOwnedByYou'
  | 'BucketNotEmpty'
  | 'EntityTooLarge'
  | 'EntityTooSmall'
  | 'IncompleteBody'
  | 'InternalError'
  | 'InvalidAccessKeyId'
  | 'InvalidArgument'
  | 'InvalidBucketName'
  | 'InvalidChunkSizeError'
  | 'InvalidDigest'
  | 'InvalidLocationConstraint'
  | 'InvalidPart'
  | 'InvalidPartOrder'
  | 'InvalidPartNumber'
  | 'InvalidRange'
  | 'InvalidRequest'
  | 'InvalidToken'
  | 'InvalidURI'
  | 'MalformedXML'
  | 'MethodNotAllowed'
  | 'MissingContentLength'
  | 'NoSuchBucket'
  | 'NoSuchKey'
  | 'NoSuchUpload'
  | 'NotImplemented'
  | 'NotModified'
  | 'PreconditionFailed'
  | 'RequestTimeTooSkewed'
  | 'SignatureDoesNotMatch'
  | 'XAmzContentSHA256Mismatch';

const STATUS: Record<S3ErrorCode, number> = {
  AccessDenied: 403,
  AuthorizationHeaderMalformed: 400,
  AuthorizationQueryParametersError: 400,
  BadDigest: 400,
  BucketAlreadyOwnedByYou: 409,
  BucketNotEmpty: 409,
  EntityTooLarge: 400,
  EntityTooSmall: 400,
  IncompleteBody: 400,
  InternalError: 500,
  InvalidAccessKeyId: 403,
  InvalidArgument: 400,
  InvalidBucketName: 400,
  // 403, as real answers show it (https://github.com/aws/aws-sdk-cpp/issues/2727).
  InvalidChunkSizeError: 403,
  InvalidDigest: 400,
  InvalidLocationConstraint: 400,
  InvalidPart: 400,
  InvalidPartOrder: 400,
  InvalidPartNumber: 416,
  InvalidRange: 416,
  InvalidRequest: 400,
  InvalidToken: 400,
  InvalidURI: 400,
  MalformedXML: 400,
  MethodNotAllowed: 405,
  MissingContentLength: 411,
  NoSuchBucket: 404,
  NoSuchKey: 404,
  NoSuchUpload: 404,
  NotImplemented: 501,
  NotModified: 304,
  PreconditionFailed: 412,
  RequestTimeTooSkewed: 403,
  SignatureDoesNotMatch: 403,
  XAmzContentSHA256Mismatch: 400,
};

export class S3Error extends Error {
  readonly status: number;

  constructor(
    readonly code: S3ErrorCode,
    message: string,
    /** Extra elements of the error body, in order (Key, BucketName, AWSAccessKeyId, …). */
    readonly details: XmlChildren = {},
    /** Why, for the local log, when the message alone does not say. */
    readonly reason?: string,
  ) {
    super(message);
    this.name = code;
    this.status = STATUS[code];
  }

  /** The XML body; HEAD answers and 304s carry none. */
  toXml(resource: string, requestId: string, hostId: string): string {
    return `${XML_DECLARATION}<Error>${xmlElements({
      Code: this.code,
      Message: this.message,
      ...this.details,
      Resource: resource,
      RequestId: requestId,
      HostId: hostId,
    })}</Error>`;
  }
}

export const noSuchBucket = (bucket: string) => new S3Error('NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket });

export const noSuchKey = (key: string) => new S3Error('NoSuchKey', 'The specified key does not exist.', { Key: key });

export const noSuchUpload = (uploadId: string) =>
  new S3Error(
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    { UploadId: uploadId },
  );

export const accessDenied = (reason?: string) => new S3Error('AccessDenied', 'Access Denied', {}, reason);

export const malformedXml = (reason?: string) =>
  new S3Error('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', {}, reason);

export const invalidArgument = (message: string, name: string, value: string) =>
  new S3Error('InvalidArgument', message, { ArgumentName: name, ArgumentValue: value });

export const invalidRequest = (message: string) => new S3Error('InvalidRequest', message);

export const notImplemented = (what: string) =>
  new S3Error('NotImplemented', 'A header you provided implies functionality that is not implemented', {}, `the local S3 does not implement ${what}`);

/** `BadDigest` for a flexible checksum; wording as S3 answers it (https://github.com/aws/aws-sdk-ruby/issues/3322). */
export const checksumMismatch = (algorithm: string) => new S3Error('BadDigest', `The ${algorithm} you specified did not match the calculated checksum.`);

export const contentMd5Mismatch = (expected: string, computed: string) =>
  new S3Error('BadDigest', 'The Content-MD5 you specified did not match what we received.', {
    ExpectedDigest: expected,
    CalculatedDigest: computed,
  });
