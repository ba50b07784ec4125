// AWS_IAM for the local AppSync: the shared SigV4 verifier with AppSync's signing name,
// the realtime variants Amplify signs, ctx.identity for IAM callers, and AppSync's answers.
// Identity: https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html
import { SigV4Rejected } from '../../shared/sigv4/errors';
import { IamVerifier, type HeaderValues, type IamPrincipal, type SignedRequest } from '../../shared/sigv4/verifier';
import { UnauthorizedRequest } from './unauthorized';

/** AppSync's SigV4 signing name (service models; Amplify's realtime signer uses it too). */
export const APPSYNC_SIGNING_NAME = 'appsync';

/** The realtime handshake is signed as `POST <graphql url>/connect` with body `{}` (appsync.md section 9). */
export const REALTIME_CONNECT_SUFFIX = '/connect';
export const REALTIME_CONNECT_PAYLOAD = '{}';

/** ctx.identity for an AWS_IAM caller. The Cognito fields are set only for identity pool credentials. */
export type IamIdentity = {
  accountId: string;
  cognitoIdentityPoolId: string | null;
  cognitoIdentityId: string | null;
  sourceIp: string[];
  username: string;
  userArn: string;
  cognitoIdentityAuthType: string | null;
  cognitoIdentityAuthProvider: string | null;
};

/** A refused SigV4 request, as AppSync answers it: its error type and HTTP status (400/403). */
export class IamRequestRejected extends UnauthorizedRequest {
  readonly errorType: string;
  readonly status: 400 | 403;

  constructor(rejected: SigV4Rejected) {
    super(rejected.message, rejected.reason);
    this.name = rejected.errorType;
    this.errorType = rejected.errorType;
    this.status = rejected.status;
  }
}

/** ctx.identity for a caller signing with `principal`. */
export function iamIdentity(principal: IamPrincipal, sourceIp: string[]): IamIdentity {
  return {
    accountId: principal.accountId,
    cognitoIdentityPoolId: null,
    cognitoIdentityId: null,
    sourceIp,
    username: principal.username,
    userArn: principal.userArn,
    cognitoIdentityAuthType: null,
    cognitoIdentityAuthProvider: null,
  };
}

export class AppSyncIamAuth {
  private readonly verifier: IamVerifier;

  constructor(options: { region: string; principals: ReadonlyMap<string, IamPrincipal>; now?: () => number }) {
    this.verifier = new IamVerifier({ ...options, service: APPSYNC_SIGNING_NAME });
  }

  async verify(request: SignedRequest, sourceIp: string[]): Promise<IamIdentity> {
    try {
      return iamIdentity((await this.verifier.verify(request)).principal, sourceIp);
    } catch (error) {
      throw error instanceof SigV4Rejected ? new IamRequestRejected(error) : error;
    }
  }

  /**
   * The IAM headers of a realtime handshake (`header=` query parameter or `header-`
   * subprotocol, decoded): Amplify signs them for `POST <graphql url>/connect` with body `{}`.
   */
  verifyRealtimeConnect(authHeaders: HeaderValues, sourceIp: string[], graphqlPath = '/graphql'): Promise<IamIdentity> {
    const path = `${graphqlPath.replace(/\/+$/, '')}${REALTIME_CONNECT_SUFFIX}`;
    return this.verify({ method: 'POST', path, headers: authHeaders, body: REALTIME_CONNECT_PAYLOAD }, sourceIp);
  }

  /**
   * `payload.extensions.authorization` of a realtime `start` message: Amplify signs it for
   * `POST <graphql url>` with `payload.data` (the JSON string) as body.
   */
  verifyRealtimeStart(authHeaders: HeaderValues, data: string, sourceIp: string[], graphqlPath = '/graphql'): Promise<IamIdentity> {
    return this.verify({ method: 'POST', path: graphqlPath, headers: authHeaders, body: data }, sourceIp);
  }
}
