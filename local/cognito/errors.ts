// Errors of the local Cognito, with the types the Cognito user pools API answers (AWS JSON
// 1.1: body `{ "__type": "<type>", "message": "…" }`, HTTP 400 for client errors), which
// @aws-sdk/client-cognito-identity-provider turns into exceptions of the same name.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html
// Trigger failures: "<Trigger> failed with error <message>." as UserLambdaValidationException
// (e.g. "PostConfirmation failed with error callback is not a function." in
// https://github.com/dabit3/full-stack-serverless-code/issues/108).
import type { ServerResponse } from 'node:http';

export type CognitoErrorType =
  | 'UserLambdaValidationException'
  | 'InvalidLambdaResponseException'
  | 'UnexpectedLambdaException'
  | 'UsernameExistsException'
  | 'AliasExistsException'
  | 'UserNotFoundException'
  | 'UserNotConfirmedException'
  | 'NotAuthorizedException'
  | 'CodeMismatchException'
  | 'InvalidPasswordException'
  | 'InvalidParameterException'
  | 'ResourceNotFoundException'
  | 'InvalidSignatureException'
  | 'IncompleteSignatureException'
  | 'UnrecognizedClientException'
  | 'ExpiredTokenException'
  | 'UnknownOperationException'
  | 'InternalErrorException';

/** Client errors are HTTP 400 unless listed here. */
const STATUS: Partial<Record<CognitoErrorType, number>> = {
  InternalErrorException: 500,
  InvalidSignatureException: 403,
  UnrecognizedClientException: 403,
  ExpiredTokenException: 403,
};

export class CognitoError extends Error {
  constructor(
    readonly errorType: CognitoErrorType,
    message: string,
    readonly status = STATUS[errorType] ?? 400,
  ) {
    super(message);
    this.name = errorType;
  }

  /** The AWS JSON body; `message` is also what POST /_local/tokens has always answered with. */
  toJSON() {
    return { __type: this.errorType, message: this.message };
  }

  send(res: ServerResponse): void {
    const body = JSON.stringify(this.toJSON());
    res.writeHead(this.status, {
      'content-type': 'application/x-amz-json-1.1',
      'content-length': Buffer.byteLength(body),
      'x-amzn-errortype': this.errorType,
    });
    res.end(body);
  }
}

/** A trigger that threw (or timed out): the operation fails with the trigger's message. */
export function triggerFailed(trigger: string, message: string): CognitoError {
  return new CognitoError('UserLambdaValidationException', `${trigger} failed with error ${message}.`);
}

/** A trigger whose answer Cognito cannot read (not the event back, or wrong types). */
export function unreadableTriggerResponse(): CognitoError {
  return new CognitoError('InvalidLambdaResponseException', 'Unrecognizable lambda output');
}
