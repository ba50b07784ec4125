// Which auth mode a request uses, and whether its key or token is good: AppSync answers
// a bad one with HTTP 401 before executing anything.
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html
import type { ApiKeyConfig, AuthMode, AuthProvider } from '../options';
import { CognitoTokenVerifier, userPoolIdentity, type CognitoPoolTrust } from './cognitoUserPools';
import { isSigV4Authorization } from '../../shared/sigv4/header';
import type { AppSyncIamAuth } from './iam';
import { NOT_AUTHORIZED, UnauthorizedRequest } from './unauthorized';

export type Identity = Record<string, unknown> | null;

export type AuthContext = {
  mode: AuthMode;
  identity: Identity;
  /** Cognito groups of a user pool caller. */
  groups: string[] | null;
};

export type ApiKeyValue = ApiKeyConfig & { value: string };

export type AuthenticatorOptions = {
  providers: AuthProvider[];
  apiKeys: ApiKeyValue[];
  /** How to trust a user pool's tokens (issuer URL and app clients), by user pool id. */
  userPoolTrust: (userPoolId: string) => CognitoPoolTrust;
  /** Verifies SigV4 signatures when the API has the AWS_IAM mode. */
  iam?: AppSyncIamAuth;
  now?: () => number;
};

/** What a SigV4 signature covers: an HTTP request, or one of the realtime messages. */
export type SignedPart =
  | { kind: 'http'; method: string; path: string; query: string; body: Uint8Array | string }
  | { kind: 'realtimeConnect' }
  | { kind: 'realtimeStart'; data: string };

export class Authenticator {
  private readonly modes: Set<AuthMode>;
  private readonly keys: Map<string, ApiKeyValue>;
  private readonly userPool?: { provider: AuthProvider; verifier: CognitoTokenVerifier };
  private readonly now: () => number;
  private readonly iam?: AppSyncIamAuth;

  constructor(options: AuthenticatorOptions) {
    this.iam = options.iam;
    this.modes = new Set(options.providers.map((p) => p.type));
    this.keys = new Map(options.apiKeys.map((key) => [key.value, key]));
    this.now = options.now ?? Date.now;
    const provider = options.providers.find((p) => p.type === 'AMAZON_COGNITO_USER_POOLS');
    if (provider?.userPool) {
      const trust = options.userPoolTrust(provider.userPool.userPoolId);
      this.userPool = {
        provider,
        verifier: new CognitoTokenVerifier({ ...trust, appIdClientRegex: provider.userPool.appIdClientRegex }),
      };
    }
  }

  /**
   * @param signed what a SigV4 signature would cover; without it (tests, or a caller that has
   *   no request at hand) an IAM-signed request is refused.
   */
  async authenticate(headers: Record<string, string | string[] | undefined>, sourceIp: string[], signed?: SignedPart): Promise<AuthContext> {
    const authorization = header(headers, 'authorization');
    const apiKey = header(headers, 'x-api-key');
    if (authorization) {
      if (isSigV4Authorization(authorization)) {
        if (!this.modes.has('AWS_IAM') || !this.iam) throw new UnauthorizedRequest(NOT_AUTHORIZED, 'a SigV4-signed request, but the API has no AWS_IAM mode');
        if (!signed) throw new UnauthorizedRequest(NOT_AUTHORIZED, 'a SigV4 signature with nothing to check it against');
        const identity =
          signed.kind === 'http'
            ? await this.iam.verify({ method: signed.method, path: signed.path, query: signed.query, headers, body: signed.body }, sourceIp)
            : signed.kind === 'realtimeConnect'
              ? await this.iam.verifyRealtimeConnect(headers, sourceIp)
              : await this.iam.verifyRealtimeStart(headers, signed.data, sourceIp);
        return { mode: 'AWS_IAM', identity: identity as unknown as Identity, groups: null };
      }
      if (!this.userPool) {
        throw new UnauthorizedRequest(NOT_AUTHORIZED, 'a token was sent, but the API has no Cognito user pool auth mode');
      }
      // The raw token, as AppSync takes it: a "Bearer " prefix makes it unparseable there too.
      const payload = await this.userPool.verifier.verify(authorization);
      const identity = userPoolIdentity(payload, sourceIp, this.userPool.provider.userPool!.defaultAction);
      return { mode: 'AMAZON_COGNITO_USER_POOLS', identity, groups: identity.groups };
    }
    if (apiKey) {
      if (!this.modes.has('API_KEY')) throw new UnauthorizedRequest(NOT_AUTHORIZED, 'the API has no API_KEY auth mode');
      const key = this.keys.get(apiKey);
      if (!key) throw new UnauthorizedRequest(NOT_AUTHORIZED, 'unknown API key');
      if (key.expires !== undefined && key.expires * 1000 <= this.now()) {
        throw new UnauthorizedRequest(NOT_AUTHORIZED, `API key ${key.logicalId} expired at ${new Date(key.expires * 1000).toISOString()}`);
      }
      return { mode: 'API_KEY', identity: null, groups: null };
    }
    throw new UnauthorizedRequest(NOT_AUTHORIZED, 'no x-api-key or Authorization header');
  }
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
