// Errors of the local Lambda API, each with the HTTP status and error type Lambda answers,
// in the REST-JSON shape @aws-sdk/client-lambda reads: the type in the x-amzn-ErrorType
// header, the body `{ "Type": "User" | "Service", "Message": "…" }` (the model's members of
// every Lambda error: ResourceNotFoundException has `Type` and `Message`, HTTP 404).
// https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html#API_Invoke_Errors
import type { ServerResponse } from 'node:http';
import type { SigV4Rejected } from '../shared/sigv4/errors';

export type LambdaErrorType =
  | 'ResourceNotFoundException'
  | 'InvalidRequestContentException'
  | 'InvalidParameterValueException'
  | 'RequestEntityTooLargeException'
  | 'UnsupportedMediaTypeException'
  | 'UnknownOperationException'
  | 'ServiceException'
  | 'InvalidSignatureException'
  | 'IncompleteSignatureException'
  | 'UnrecognizedClientException'
  | 'ExpiredTokenException'
  | 'MissingAuthenticationTokenException';

const STATUS: Record<LambdaErrorType, number> = {
  ResourceNotFoundException: 404,
  InvalidRequestContentException: 400,
  InvalidParameterValueException: 400,
  RequestEntityTooLargeException: 413,
  UnsupportedMediaTypeException: 415,
  UnknownOperationException: 404,
  ServiceException: 500,
  InvalidSignatureException: 403,
  IncompleteSignatureException: 400,
  UnrecognizedClientException: 403,
  ExpiredTokenException: 403,
  MissingAuthenticationTokenException: 403,
};

export class LambdaApiError extends Error {
  readonly status: number;

  constructor(
    readonly errorType: LambdaErrorType,
    message: string,
  ) {
    super(message);
    this.name = errorType;
    this.status = STATUS[errorType];
  }

  send(res: ServerResponse, requestId: string): void {
    const body = JSON.stringify({ Type: this.status >= 500 ? 'Service' : 'User', Message: this.message, message: this.message });
    res.writeHead(this.status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'x-amzn-errortype': this.errorType,
      'x-amzn-requestid': requestId,
    });
    res.end(body);
  }
}

/** Lambda names the missing function by its full ARN, with the qualifier when one was given. */
export function functionNotFound(arn: string): LambdaApiError {
  return new LambdaApiError('ResourceNotFoundException', `Function not found: ${arn}`);
}

/**
 * The real answer, as quoted by several public projects that handle it (not in AWS's
 * documentation): HTTP 413, x-amzn-ErrorType RequestEntityTooLargeException, "Request must be
 * smaller than 6291456 bytes for the InvokeFunction operation". The same text for the 1 MB
 * asynchronous limit is an assumption.
 */
export function requestTooLarge(limit: number): LambdaApiError {
  return new LambdaApiError('RequestEntityTooLargeException', `Request must be smaller than ${limit} bytes for the InvokeFunction operation`);
}

/** Lambda's text for a payload that is not JSON; the detail after the colon is the local parser's. */
export function payloadNotJson(detail: string): LambdaApiError {
  return new LambdaApiError('InvalidRequestContentException', `Could not parse request body into json: Could not parse payload into json: ${detail}`);
}

/**
 * A request with no Authorization header at all. AWS's front ends answer "Missing
 * Authentication Token" with this type and HTTP 403 (seen for API Gateway and other AWS
 * APIs; not confirmed for Lambda itself).
 */
export function missingAuthentication(): LambdaApiError {
  return new LambdaApiError('MissingAuthenticationTokenException', 'Missing Authentication Token');
}

/**
 * A refused signature as Lambda's front end answers it. The shared verifier reports clock
 * skew as AppSync's BadRequestException; other AWS services, Lambda among them, send it as
 * InvalidSignatureException ("Signature expired: …") with HTTP 403.
 */
export function fromSigV4(rejected: SigV4Rejected): LambdaApiError {
  const type: LambdaErrorType = rejected.errorType === 'BadRequestException' ? 'InvalidSignatureException' : rejected.errorType;
  return new LambdaApiError(type, rejected.message);
}
