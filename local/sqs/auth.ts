// Who is calling: the shared SigV4 verifier with SQS's signing name, its refusals turned into
// the codes SQS answers. SQS is a query service, so it uses the common query error codes
// (the mapping is shared/awsQuery/auth.ts):
// IncompleteSignature (400), InvalidClientTokenId (403) for an unknown key, SignatureDoesNotMatch
// (403) for a wrong signature, scope or an expired signature ("Signature expired: ..." comes
// back as SignatureDoesNotMatch from SQS: https://github.com/aws/aws-sdk-go/issues/487,
// https://github.com/aws/aws-sdk-js/issues/401). Statuses: the SQS API reference's CommonErrors.html.
// An unsigned request is an anonymous one, which SQS refuses with AccessDenied unless a queue
// policy allows everyone; local queue policies are not evaluated, so it is always refused.
import { queryAuthError } from '../shared/awsQuery/auth';
import { SigV4Rejected } from '../shared/sigv4/errors';
import { IamVerifier, type IamPrincipal, type SignedRequest, type SigV4Caller } from '../shared/sigv4/verifier';
import { AccessDenied, SignatureRejected } from './errors';

/** SQS's SigV4 signing name (service model). */
export const SQS_SIGNING_NAME = 'sqs';

export class SqsAuth {
  private readonly verifier: IamVerifier;

  constructor(options: { region: string; principals: ReadonlyMap<string, IamPrincipal>; now?: () => number }) {
    // SQS, like S3, accepts requests signed up to 15 minutes either side of its clock.
    this.verifier = new IamVerifier({ ...options, service: SQS_SIGNING_NAME, maxClockSkewMs: 15 * 60_000 });
  }

  /** The caller, or throws the SqsError SQS would answer. `resource` is the URL AccessDenied names. */
  async verify(request: SignedRequest, resource: string): Promise<SigV4Caller> {
    if (!hasSignature(request)) throw new AccessDenied(resource);
    try {
      return await this.verifier.verify(request);
    } catch (error) {
      throw error instanceof SigV4Rejected ? new SignatureRejected(queryAuthError(error)) : error;
    }
  }
}

function hasSignature(request: SignedRequest): boolean {
  const headers = request.headers;
  const authorization = headers.authorization ?? headers.Authorization;
  return authorization !== undefined && authorization !== '';
}
