// Why a SigV4-signed request is refused, with the error type, HTTP status and text AppSync
// answers (the other local services map these to their own codes: sigv4/serviceErrors).
//
// Confirmed from real AppSync responses (GraphQL endpoint, IAM mode):
// - bad signature: HTTP 403, x-amzn-ErrorType InvalidSignatureException
//   (https://github.com/aws-amplify/amplify-js/issues/2422,
//   https://github.com/awslabs/aws-mobile-appsync-sdk-js/issues/344), message with the
//   canonical string and string to sign (https://github.com/awslabs/aws-mobile-appsync-sdk-js/issues/750,
//   https://github.com/zino-hofmann/graphql-flutter/issues/639);
// - unknown access key: HTTP 403 UnrecognizedClientException "The security token included
//   in the request is invalid." (https://github.com/aws-amplify/amplify-js/issues/3447,
//   https://github.com/aws-amplify/amplify-cli/issues/3380);
// - clock skew: BadRequestException with HTTP 400, "Signature expired: ... (... - 5 min.)"
//   (https://github.com/aws-amplify/amplify-js/issues/11480, https://github.com/aws-amplify/amplify-js/pull/5869,
//   https://github.com/aws-amplify/amplify-js/issues/6494), "Signature not yet current: ... (... + 5 min.)"
//   (https://github.com/awslabs/aws-mobile-appsync-sdk-js/issues/620);
// - malformed Authorization: IncompleteSignatureException, body `{"errors":[{errorType, message}]}`
//   (https://github.com/aws-amplify/amplify-js/issues/7906,
//   https://github.com/awslabs/aws-mobile-appsync-sdk-js/issues/702). Status not seen for AppSync;
//   400 is what most AWS common-error pages list for IncompleteSignature
//   (https://docs.aws.amazon.com/datasync/latest/userguide/CommonErrors.html), a few list 403.
// Scope errors (date, region, service) use the texts of the SigV4 troubleshooting guide
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html) as other
// AWS services send them; AppSync's own type for them was not seen.

export type IamErrorType =
  | 'IncompleteSignatureException'
  | 'InvalidSignatureException'
  | 'UnrecognizedClientException'
  | 'ExpiredTokenException'
  | 'BadRequestException';

const STATUS: Record<IamErrorType, 400 | 403> = {
  IncompleteSignatureException: 400,
  InvalidSignatureException: 403,
  UnrecognizedClientException: 403,
  ExpiredTokenException: 403,
  BadRequestException: 400,
};

export class SigV4Rejected extends Error {
  readonly status: 400 | 403;

  constructor(
    readonly errorType: IamErrorType,
    message: string,
    /** Why, for the local log (the message is what AWS would send). */
    readonly reason: string = message,
  ) {
    super(message);
    this.name = errorType;
    this.status = STATUS[errorType];
  }
}

export const INVALID_SECURITY_TOKEN = 'The security token included in the request is invalid.';
export const EXPIRED_SECURITY_TOKEN = 'The security token included in the request is expired';
export const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

export function signatureMismatch(canonicalRequest: string, stringToSign: string, reason: string): SigV4Rejected {
  const message =
    `${SIGNATURE_MISMATCH}\n\nThe Canonical String for this request should have been\n'${canonicalRequest}'\n\n` +
    `The String-to-Sign should have been\n'${stringToSign}'\n`;
  return new SigV4Rejected('InvalidSignatureException', message, reason);
}
