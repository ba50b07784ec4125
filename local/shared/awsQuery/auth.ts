// How AWS query services (SQS, SNS, SES v1) answer a request whose SigV4 signature they refuse:
// the shared verifier (local/shared/sigv4) throws AppSync's error types; query services
// send other codes. Sources:
// - InvalidClientTokenId, HTTP 403, "The security token included in the request is invalid."
//   (real SNS answers: https://github.com/laravel-notification-channels/aws-sns/issues/31,
//   https://github.com/aws/aws-sdk-js/issues/1919);
// - SignatureDoesNotMatch for a wrong signature and for clock skew ("Signature expired: ... is
//   now earlier than ...") from SNS (https://github.com/aws/aws-sdk-js/issues/265);
// - IncompleteSignature (400), MissingAuthenticationToken (403), ExpiredToken: the common
//   errors page of the query services (https://docs.aws.amazon.com/sns/latest/api/CommonErrors.html,
//   https://docs.aws.amazon.com/ses/latest/APIReference/CommonErrors.html).
// SNS allows 15 minutes of clock skew (the expired message above says "- 15 min."); the
// services pass that to the shared verifier (maxClockSkewMs).
// SQS answers an unsigned request with its own AccessDenied rather than MissingAuthenticationToken
// (local/sqs/auth.ts).
import type { SigV4Rejected } from '../sigv4/errors';

export type QueryAuthErrorCode =
  | 'MissingAuthenticationToken'
  | 'IncompleteSignature'
  | 'InvalidClientTokenId'
  | 'SignatureDoesNotMatch'
  | 'ExpiredToken';

export type QueryAuthError = { type: 'Sender'; code: QueryAuthErrorCode; status: 400 | 403; message: string };

/** Text of the common errors page for a request with no Authorization at all (wording not seen in a real SNS answer). */
export const MISSING_AUTHENTICATION_TOKEN = 'Request is missing Authentication Token';

export function missingAuthentication(): QueryAuthError {
  return { type: 'Sender', code: 'MissingAuthenticationToken', status: 403, message: MISSING_AUTHENTICATION_TOKEN };
}

export function queryAuthError(rejected: SigV4Rejected): QueryAuthError {
  switch (rejected.errorType) {
    case 'IncompleteSignatureException':
      return { type: 'Sender', code: 'IncompleteSignature', status: 400, message: rejected.message };
    case 'UnrecognizedClientException':
      return { type: 'Sender', code: 'InvalidClientTokenId', status: 403, message: rejected.message };
    case 'ExpiredTokenException':
      return { type: 'Sender', code: 'ExpiredToken', status: 403, message: rejected.message };
    case 'InvalidSignatureException':
    case 'BadRequestException':
      // Clock skew is a BadRequestException for AppSync; query services call it SignatureDoesNotMatch.
      return { type: 'Sender', code: 'SignatureDoesNotMatch', status: 403, message: rejected.message };
  }
}
