// Secrets Manager's errors, one class per error type the API answers, in the AWS JSON 1.1
// shape @aws-sdk/client-secrets-manager reads: HTTP 400 for client errors, 500 for
// InternalServiceError, body `{"__type": "<type>", "Message": "..."}` (the model's member is
// `Message`; a real answer quoted in https://github.com/aws/aws-sdk-js-v3/issues/7701 shows
// `"__type": "ResourceNotFoundException"` without a namespace).
// Types and statuses: https://docs.aws.amazon.com/secretsmanager/latest/apireference/CommonErrors.html
// and each operation's Errors section. Texts seen in real answers say where; the others are
// marked "(local wording)".
import type { ServerResponse } from 'node:http';
import type { SigV4Rejected } from '../shared/sigv4/errors';

export type SecretsManagerErrorType =
  | 'ResourceNotFoundException'
  | 'ResourceExistsException'
  | 'InvalidParameterException'
  | 'InvalidRequestException'
  | 'InvalidNextTokenException'
  | 'LimitExceededException'
  | 'InternalServiceError'
  | 'UnknownOperationException'
  | 'SerializationException'
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'InvalidSignatureException'
  | 'UnrecognizedClientException'
  | 'ExpiredTokenException';

const STATUS: Partial<Record<SecretsManagerErrorType, number>> = {
  InternalServiceError: 500,
  MissingAuthenticationTokenException: 403,
  InvalidSignatureException: 403,
  UnrecognizedClientException: 403,
  ExpiredTokenException: 403,
};

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

export class SecretsManagerError extends Error {
  readonly status: number;

  constructor(
    readonly errorType: SecretsManagerErrorType,
    message: string,
  ) {
    super(message);
    this.name = errorType;
    this.status = STATUS[errorType] ?? 400;
  }

  send(res: ServerResponse, requestId: string): void {
    const body = JSON.stringify({ __type: this.errorType, Message: this.message });
    res.writeHead(this.status, {
      'content-type': JSON_CONTENT_TYPE,
      'content-length': Buffer.byteLength(body),
      'x-amzn-requestid': requestId,
    });
    res.end(body);
  }
}

/** The text real answers carry (e.g. https://github.com/digitalis-io/vals-operator/issues/44). */
export function secretNotFound(): SecretsManagerError {
  return new SecretsManagerError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
}

/**
 * A secret without the version asked for, or with no value at all (an empty secret answers
 * the same for AWSCURRENT: https://github.com/boto/boto3/issues/2794). The staging label text
 * is real (https://github.com/aws/aws-sdk-js-v3/issues/7701); the version id one follows it
 * (local wording).
 */
export function versionNotFound(by: { versionStage?: string; versionId?: string }): SecretsManagerError {
  const what = by.versionId !== undefined ? `VersionId: ${by.versionId}` : `staging label: ${by.versionStage}`;
  return new SecretsManagerError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for ${what}`);
}

/** CreateSecret on a name in use: the text real answers carry. */
export function secretExists(name: string): SecretsManagerError {
  return new SecretsManagerError('ResourceExistsException', `The operation failed because the secret ${name} already exists.`);
}

/** A ClientRequestToken reused with another value (the API reference: versions cannot change). (local wording) */
export function versionExists(versionId: string): SecretsManagerError {
  return new SecretsManagerError(
    'ResourceExistsException',
    `A version with ClientRequestToken ${versionId} already exists with a different value. You can't modify an existing version.`,
  );
}

export function invalidParameter(message: string): SecretsManagerError {
  return new SecretsManagerError('InvalidParameterException', message);
}

export function invalidRequest(message: string): SecretsManagerError {
  return new SecretsManagerError('InvalidRequestException', message);
}

/**
 * A refused signature as AWS JSON services answer it: the shared verifier reports clock skew
 * as AppSync's BadRequestException; other services send it as InvalidSignatureException
 * ("Signature expired: ...") with HTTP 403, as local/lambda does too.
 */
export function fromSigV4(rejected: SigV4Rejected): SecretsManagerError {
  const type = rejected.errorType === 'BadRequestException' ? 'InvalidSignatureException' : rejected.errorType;
  return new SecretsManagerError(type, rejected.message);
}

/**
 * No Authorization header at all. AWS front ends answer "Missing Authentication Token" with
 * this type (seen for API Gateway and other AWS APIs; not confirmed for Secrets Manager).
 */
export function missingAuthentication(): SecretsManagerError {
  return new SecretsManagerError('MissingAuthenticationTokenException', 'Missing Authentication Token');
}
