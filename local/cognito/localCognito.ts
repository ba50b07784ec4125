// Semantics of the local Cognito: the template's user pools, each with an issuer whose URL
// is on the local server, their users (userRegistry.ts), their Lambda triggers, and token
// minting for the pools' app clients.
//
// issueTokens is the local token endpoint (POST /_local/tokens, `npm run token`): an email
// (or sub, or user name) it has not seen plays the sign-up as a user confirming their email
// would (PreSignUp_SignUp, the user created with sub, email and email_verified, then
// PostConfirmation_ConfirmSignUp); a known user just gets tokens, with the same sub. Groups
// given in the request become the user's groups; without them the user keeps theirs. Every
// token request runs PreTokenGeneration (TokenGeneration_Authentication).
import { join } from 'node:path';
import type { CognitoPoolTrust } from '../appsync/auth/cognitoUserPools';
import type { Logger } from '../shared/logger';
import type { FunctionTarget } from '../shared/localServices';
import { CognitoError } from './errors';
import { loadOrCreateSigningKey, subForEmail, UserPoolIssuer, type TokenRequest } from './issuer';
import type { UserPoolConfig } from './options';
import { CognitoTriggers } from './triggers';
import { callerOf, confirm, issueTokensFor, signUp, type LocalUserPool, type PoolContext } from './userLifecycle';
import { UserRegistry, type LocalUser } from './userRegistry';

export type { LocalUserPool } from './userLifecycle';

export type LocalCognitoOptions = {
  /** Runs the pools' triggers (LocalServices, or the Lambda API's FunctionTarget). */
  functions?: FunctionTarget;
  logger?: Logger;
};

export type LocalTokenRequest = Partial<TokenRequest> & { userPoolId?: string };

const SILENT: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export class LocalCognito {
  private readonly pools = new Map<string, LocalUserPool>();
  /** Sign-ups of one pool run one at a time, so that two requests for a new email make one user. */
  private readonly signUps = new Map<string, Promise<unknown>>();

  private constructor(
    readonly users: UserRegistry,
    readonly triggers: CognitoTriggers,
    private readonly logger: Logger,
  ) {}

  static async create(configs: UserPoolConfig[], baseUrl: string, dataDir?: string, options: LocalCognitoOptions = {}): Promise<LocalCognito> {
    const logger = options.logger ?? SILENT;
    const cognito = new LocalCognito(new UserRegistry(dataDir ? join(dataDir, 'users.json') : undefined), new CognitoTriggers(options.functions, logger), logger);
    // One key for every pool: enough locally, since each pool's issuer URL differs.
    const key = await loadOrCreateSigningKey(dataDir ? join(dataDir, 'signing-key.json') : undefined);
    for (const config of configs) {
      cognito.pools.set(config.userPoolId, { ...config, issuer: new UserPoolIssuer(`${baseUrl}/${config.userPoolId}`, key) });
      if (config.ignoredTriggers.length > 0) logger.warn(`user pool ${config.userPoolId}: triggers not run locally: ${config.ignoredTriggers.join(', ')}`);
    }
    return cognito;
  }

  pool(userPoolId: string): LocalUserPool | undefined {
    return this.pools.get(userPoolId);
  }

  get poolList(): LocalUserPool[] {
    return [...this.pools.values()];
  }

  /** The pool an app client belongs to. */
  poolOfClient(clientId: string): LocalUserPool | undefined {
    return this.poolList.find((pool) => pool.clientIds.includes(clientId));
  }

  context(pool: LocalUserPool): PoolContext {
    return { pool, users: this.users, triggers: this.triggers, logger: this.logger };
  }

  /** One pool's sign-ups in turn. */
  serialized<T>(userPoolId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.signUps.get(userPoolId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.signUps.set(userPoolId, next);
    return next;
  }

  /** How a relying party (the local AppSync) trusts a pool's tokens. */
  trust(userPoolId: string): CognitoPoolTrust {
    const pool = this.pools.get(userPoolId);
    if (!pool) throw new Error(`The API trusts user pool ${userPoolId}, which is not in the template.`);
    return { userPoolId, issuerUrl: pool.issuer.issuerUrl, clientIds: pool.clientIds };
  }

  async issueTokens(request: LocalTokenRequest) {
    const pool = request.userPoolId ? this.pools.get(request.userPoolId) : this.poolList[0];
    if (!pool) throw new CognitoError('ResourceNotFoundException', request.userPoolId ? `No user pool ${request.userPoolId}` : 'The template has no user pool');
    const clientId = request.clientId ?? pool.clientIds[0];
    if (!clientId) throw new CognitoError('InvalidParameterException', `User pool ${pool.userPoolId} has no app client to issue tokens for`);
    if (!pool.clientIds.includes(clientId)) throw new CognitoError('ResourceNotFoundException', `User pool ${pool.userPoolId} has no app client ${clientId}`);
    const unknownGroups = (request.groups ?? []).filter((g) => !pool.groups.includes(g));
    if (unknownGroups.length > 0) {
      throw new CognitoError('ResourceNotFoundException', `User pool ${pool.userPoolId} has no group ${unknownGroups.join(', ')} (groups: ${pool.groups.join(', ') || 'none'})`);
    }
    if (!request.sub && !request.email && !request.username) throw new CognitoError('InvalidParameterException', 'Give an email, a sub or a username');
    const ctx = this.context(pool);
    const caller = callerOf(pool, clientId);
    let user = this.users.find(pool.userPoolId, { sub: request.sub, username: request.username, email: request.email });
    if (!user) user = await this.serialized(pool.userPoolId, () => this.signUpLocally(ctx, request, caller));
    if (request.groups !== undefined && !sameMembers(request.groups, user.groups)) user = this.users.update(pool.userPoolId, user, { groups: [...request.groups] });
    return issueTokensFor(ctx, user, clientId, caller, request.expiresIn);
  }

  /** The sign-up a new user of the token endpoint plays: PreSignUp, then PostConfirmation, then stored. */
  private async signUpLocally(ctx: PoolContext, request: LocalTokenRequest, caller: ReturnType<typeof callerOf>): Promise<LocalUser> {
    const { pool } = ctx;
    // A concurrent request may have signed the same user up while this one waited.
    const existing = this.users.find(pool.userPoolId, { sub: request.sub, username: request.username, email: request.email });
    if (existing) return existing;
    const sub = request.sub ?? (request.email ? subForEmail(request.email) : undefined);
    const username = request.username ?? sub ?? crypto.randomUUID();
    const { user } = await signUp(
      ctx,
      { username, sub: sub ?? username, attributes: request.email ? { email: request.email } : {}, status: 'UNCONFIRMED', source: 'PreSignUp_SignUp' },
      caller,
    );
    const confirmed = await confirm(ctx, user, caller);
    this.users.add(pool.userPoolId, confirmed);
    this.logger.info(`user pool ${pool.userPoolId}: signed up ${request.email ?? username} (sub ${confirmed.sub})`);
    return confirmed;
  }
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
