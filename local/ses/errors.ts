// Why the local SES refuses a request, independent of the API that carried it, and how each
// API names it: v1 (query protocol) sends `<Code>` in an XML ErrorResponse, v2 (REST JSON)
// an x-amzn-ErrorType header and a JSON body.
// - v1 Throttling "Maximum sending rate exceeded." with HTTP 400 is a real answer
//   (https://github.com/awsdocs/amazon-ses-developer-guide/issues/60); "Daily message quota
//   exceeded." is SES's text for the daily quota (manage-sending-quotas-errors.html; the SMTP
//   form "454 Throttling failure: Daily message quota exceeded." is seen in
//   https://github.com/EFForg/action-center-platform/issues/874).
// - v2 answers the sending rate with TooManyRequestsException (HTTP 429;
//   https://github.com/alphagov/notifications-api/pull/4310). Its answer to the daily quota
//   was not found; LimitExceededException is used.
// - Other codes are the modelled errors of the two clients (v1 awsQueryError codes:
//   MessageRejected, ConfigurationSetDoesNotExist, TemplateDoesNotExist, AlreadyExists; v2:
//   BadRequestException, NotFoundException, MessageRejected, AlreadyExistsException).
import { missingAuthentication, queryAuthError, type QueryAuthErrorCode } from '../shared/awsQuery/auth';
import type { QueryError } from '../shared/awsQuery/errors';
import type { SigV4Rejected } from '../shared/sigv4/errors';

export type SesErrorKind =
  | 'MessageRejected'
  | 'MaxSendRateExceeded'
  | 'DailyQuotaExceeded'
  | 'ConfigurationSetDoesNotExist'
  | 'TemplateDoesNotExist'
  | 'InvalidParameterValue'
  | 'MissingParameter'
  | 'NotFound'
  | 'AlreadyExists';

export class SesError extends Error {
  constructor(
    readonly kind: SesErrorKind,
    message: string,
  ) {
    super(message);
    this.name = kind;
  }
}

export const MAX_SEND_RATE_EXCEEDED = 'Maximum sending rate exceeded.';
export const DAILY_QUOTA_EXCEEDED = 'Daily message quota exceeded.';

export type V1Error = QueryError;

const V1_CODES: Record<SesErrorKind, string> = {
  MessageRejected: 'MessageRejected',
  MaxSendRateExceeded: 'Throttling',
  DailyQuotaExceeded: 'Throttling',
  ConfigurationSetDoesNotExist: 'ConfigurationSetDoesNotExist',
  TemplateDoesNotExist: 'TemplateDoesNotExist',
  InvalidParameterValue: 'InvalidParameterValue',
  MissingParameter: 'ValidationError',
  NotFound: 'InvalidParameterValue',
  AlreadyExists: 'AlreadyExists',
};

export function v1Error(error: SesError): V1Error {
  return { code: V1_CODES[error.kind], status: 400, type: 'Sender', message: error.message };
}

export type V2Error = { type: string; status: number; message: string };

const V2_TYPES: Record<SesErrorKind, { type: string; status: number }> = {
  MessageRejected: { type: 'MessageRejected', status: 400 },
  MaxSendRateExceeded: { type: 'TooManyRequestsException', status: 429 },
  DailyQuotaExceeded: { type: 'LimitExceededException', status: 400 },
  ConfigurationSetDoesNotExist: { type: 'NotFoundException', status: 404 },
  TemplateDoesNotExist: { type: 'NotFoundException', status: 404 },
  InvalidParameterValue: { type: 'BadRequestException', status: 400 },
  MissingParameter: { type: 'BadRequestException', status: 400 },
  NotFound: { type: 'NotFoundException', status: 404 },
  AlreadyExists: { type: 'AlreadyExistsException', status: 400 },
};

export function v2Error(error: SesError): V2Error {
  return { ...V2_TYPES[error.kind], message: error.message };
}

/** v1 answers to a refused signature: the query services' codes (shared/awsQuery/auth.ts). */
export function v1AuthError(rejected: SigV4Rejected | undefined): V1Error {
  return rejected ? queryAuthError(rejected) : missingAuthentication();
}

/**
 * v2 answers to a refused signature: REST JSON services answer with the exception names of
 * the common errors page (https://docs.aws.amazon.com/ses/latest/APIReference-V2/CommonErrors.html):
 * MissingAuthenticationTokenException, IncompleteSignatureException, InvalidSignatureException
 * (clock skew too), UnrecognizedClientException, ExpiredTokenException. Each stands for one of
 * the query codes v1 answers, with the same status.
 */
const V2_AUTH_TYPES: Record<QueryAuthErrorCode, string> = {
  MissingAuthenticationToken: 'MissingAuthenticationTokenException',
  IncompleteSignature: 'IncompleteSignatureException',
  InvalidClientTokenId: 'UnrecognizedClientException',
  SignatureDoesNotMatch: 'InvalidSignatureException',
  ExpiredToken: 'ExpiredTokenException',
};

export function v2AuthError(rejected: SigV4Rejected | undefined): V2Error {
  const refusal = rejected ? queryAuthError(rejected) : missingAuthentication();
  // v2's text for a missing signature is not v1's.
  return { type: V2_AUTH_TYPES[refusal.code], status: refusal.status, message: rejected ? refusal.message : 'Missing Authentication Token' };
}
