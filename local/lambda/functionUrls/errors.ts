// What a function URL answers when it does not hand the function's response back. Each
// notes where its text comes from; the ones without a source are marked "(local wording)".
import type { ServerResponse } from 'node:http';
import type { SigV4Rejected } from '../../shared/sigv4/errors';

export class FunctionUrlError extends Error {
  constructor(
    readonly status: number,
    /** x-amzn-ErrorType, when AWS sends one. */
    readonly errorType: string | undefined,
    /** The body as sent. */
    readonly body: string,
    readonly contentType = 'application/json',
  ) {
    super(body);
    this.name = 'FunctionUrlError';
  }

  send(res: ServerResponse, requestId: string, extraHeaders: [string, string][] = []): void {
    const headers: [string, string][] = [
      ['content-type', this.contentType],
      ['content-length', String(Buffer.byteLength(this.body))],
      ['x-amzn-requestid', requestId],
      ...(this.errorType ? ([['x-amzn-errortype', this.errorType]] as [string, string][]) : []),
      ...extraHeaders,
    ];
    res.writeHead(this.status, headers.flat());
    res.end(this.body);
  }
}

/**
 * An AWS_IAM URL called without a signature (or by a caller without the permission). The
 * real answer, quoted in https://github.com/awsdocs/aws-lambda-developer-guide/issues/494.
 */
export function forbidden(): FunctionUrlError {
  return new FunctionUrlError(
    403,
    'AccessDeniedException',
    JSON.stringify({ Message: 'Forbidden. For troubleshooting Function URL authorization issues, see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html' }),
  );
}

/**
 * A signature the shared verifier refuses, with its SigV4 error type and text (as other AWS
 * front ends send them; not confirmed for function URLs). Clock skew, AppSync's
 * BadRequestException, is InvalidSignatureException here as in local/lambda.
 */
export function signatureRefused(rejected: SigV4Rejected): FunctionUrlError {
  const type = rejected.errorType === 'BadRequestException' ? 'InvalidSignatureException' : rejected.errorType;
  return new FunctionUrlError(rejected.status === 400 && type === 'InvalidSignatureException' ? 403 : rejected.status, type, JSON.stringify({ Message: rejected.message }));
}

/**
 * A function error (thrown, timed out, a response too large) or a response Lambda cannot read:
 * HTTP 502 "Internal Server Error" (https://github.com/awsdocs/aws-lambda-developer-guide/issues/430,
 * https://github.com/awslabs/aws-lambda-cpp/issues/200; API Gateway answers the same cases with
 * 502: https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway-errors.html).
 */
export function internalServerError(): FunctionUrlError {
  return new FunctionUrlError(502, undefined, 'Internal Server Error');
}

/** A request body over the 6 MB synchronous payload limit. (local wording) */
export function requestTooLarge(limit: number): FunctionUrlError {
  return new FunctionUrlError(413, 'RequestEntityTooLargeException', JSON.stringify({ Message: `Request must be smaller than ${limit} bytes for the InvokeFunction operation` }));
}

/**
 * Reserved concurrency 0 "throttles all requests to your function URL, resulting in HTTP 429"
 * (https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html#urls-deactivating).
 * (local wording for the body)
 */
export function throttled(): FunctionUrlError {
  return new FunctionUrlError(429, 'TooManyRequestsException', JSON.stringify({ Message: 'Rate Exceeded.' }));
}
